import { randomUUID } from 'node:crypto';

/**
 * Makes a UUID version 7: the first 48 bits are the time in milliseconds, so
 * new uids land at the end of the uid index instead of on random pages.
 */
export function createTimeOrderedUuid(now: number = Date.now()): string {
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  // randomUUID() is version 4 with the RFC 4122 variant already set; only the
  // time prefix and the version digit (index 14) change.
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
