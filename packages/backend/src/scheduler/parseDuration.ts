import { type Duration, InputError } from '@atrium/plugin-api';

const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const pattern = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/**
 * Turns a duration (milliseconds, or text such as `'30s'`, `'5m'`, `'1h'`, `'1d'`) into
 * milliseconds; `subject` names the setting in the InputError thrown for anything else.
 *
 * @example
 * parseDuration('5m', "every of task 'catalog.refresh'"); // 300000
 */
export function parseDuration(value: Duration, subject: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    return value;
  }
  const match = typeof value === 'string' ? pattern.exec(value.trim()) : null;
  const [, amount, unit] = match ?? [];
  if (amount === undefined || unit === undefined) {
    throw new InputError(
      `Invalid duration ${JSON.stringify(value)} for ${subject}; use milliseconds or text such as '30s', '5m', '1h' or '1d'`,
    );
  }
  return Math.round(Number(amount) * (unitMs[unit] ?? 0));
}
