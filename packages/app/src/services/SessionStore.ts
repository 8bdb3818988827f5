import type { Session } from './Session';
import type { SessionState } from './SessionState';

/** Holds the session state and tells subscribers when it changes. */
export interface SessionStore {
  get(): SessionState;
  /** The signed-in session, or undefined in any other state. */
  session(): Session | undefined;
  set(state: SessionState): void;
  /** Signed out: the server refused the cookie, or the user signed out. */
  clear(): void;
  subscribe(listener: () => void): () => void;
}
