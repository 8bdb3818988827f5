import type { Session } from './Session';

/** What the shell knows about the session: still asking the server, signed out, signed in, or the server could not say. */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: Session }
  | { status: 'failed'; error: unknown };
