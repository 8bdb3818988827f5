import type { Session } from './Session';

/** Holds the signed-in session and tells subscribers when it changes. */
export interface SessionStore {
  get(): Session | undefined;
  set(session: Session): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
}
