import { InputError } from '@atrium/plugin-api';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Reads a config duration (`'30s'`, `'5m'`, `'1h'`, `'2d'`, or milliseconds) as milliseconds. */
export function parseDurationMs(value: string | number, key: string): number {
  if (typeof value === 'number') {
    return value;
  }
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(value.trim());
  if (!match) {
    throw new InputError(`${key} must be a duration like '30s', '5m', '1h' or '2d', got '${value}'`);
  }
  return Number(match[1]) * (UNITS[match[2] as string] as number);
}
