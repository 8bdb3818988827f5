import { isPlainObject } from '../config/isPlainObject';

/** What a redacted value or secret is replaced with. */
export const REDACTED = '[REDACTED]';

const sensitiveKey = /(password|passwd|secret|token|authorization|cookie|api[-_]?key)s?$/i;
const bearerToken = /\b(Bearer\s+)[\w\-.~+/]+=*/gi;
const urlCredentials = /([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi;
// Personal API tokens (`atr_<id>_<secret>`): the id stays readable, the secret goes.
const apiToken = /\b(atr_[0-9a-f]{16}_)[\w-]+/g;

// A secret this short would blank out ordinary words all over the logs without protecting anything.
const minimumSecretLength = 4;

/**
 * A function that returns a redacted deep copy of a log value: occurrences of any value
 * from `secrets()`, `Bearer <token>`, the secret of `atr_…` API tokens, passwords in URLs, and whole values under keys
 * named like password/token/secret/authorization/cookie all become `[REDACTED]`.
 */
export function createRedactor(secrets: () => string[]): (value: unknown) => unknown {
  let knownSecrets = '';
  let secretPattern: RegExp | undefined;

  const redactString = (text: string): string => {
    const current = secrets().filter((secret) => secret.length >= minimumSecretLength);
    const key = current.join('\0');
    if (key !== knownSecrets) {
      knownSecrets = key;
      secretPattern =
        current.length === 0
          ? undefined
          : new RegExp(
              // Longest first, so a secret that contains another is replaced whole.
              [...current]
                .sort((a, b) => b.length - a.length)
                .map((secret) => secret.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))
                .join('|'),
              'g',
            );
    }
    const withoutSecrets = secretPattern === undefined ? text : text.replace(secretPattern, REDACTED);
    return withoutSecrets
      .replace(bearerToken, `$1${REDACTED}`)
      .replace(urlCredentials, `$1${REDACTED}@`)
      .replace(apiToken, `$1${REDACTED}`);
  };

  const redact = (value: unknown, ancestors: WeakSet<object>): unknown => {
    if (typeof value === 'string') {
      return redactString(value);
    }
    if (typeof value !== 'object' || value === null) {
      return value;
    }
    if (ancestors.has(value)) {
      return '[Circular]';
    }
    if (!Array.isArray(value) && !isPlainObject(value)) {
      return value;
    }
    ancestors.add(value);
    try {
      if (Array.isArray(value)) {
        return value.map((item) => redact(item, ancestors));
      }
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          key,
          sensitiveKey.test(key) ? REDACTED : redact(item, ancestors),
        ]),
      );
    } finally {
      ancestors.delete(value);
    }
  };

  return (value) => redact(value, new WeakSet());
}
