/** A personal API token as `GET /api/core/auth/tokens` lists it (never with its secret). */
export interface ApiToken {
  id: string;
  name: string;
  /** Permission-id patterns the token is limited to. */
  scopes: string[];
  /** ISO timestamps. */
  createdAt: string;
  expiresAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}
