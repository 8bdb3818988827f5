import { createHash } from 'node:crypto';

/** The SHA-256 of a text as lowercase hex: how session ids and token secrets are stored. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
