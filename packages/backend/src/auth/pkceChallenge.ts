import { createHash } from 'node:crypto';

/** The S256 PKCE code challenge of a code verifier (RFC 7636). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
