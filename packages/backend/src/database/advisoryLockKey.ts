import { createHash } from 'node:crypto';

/**
 * The 64-bit PostgreSQL advisory lock key for a lock name, as a decimal string
 * (a bigint does not fit a JS number). Hashing keeps names readable in code while
 * every lock in Atrium shares PostgreSQL's single key space.
 */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(`atrium:${name}`).digest().readBigInt64BE(0).toString();
}
