import type { SessionState } from './SessionState';
import type { SessionStore } from './SessionStore';

/**
 * Keeps the session state in memory only: the session is the httpOnly cookie,
 * so a reload asks `GET /api/core/auth/me` again instead of trusting storage.
 * Starts in `loading`.
 */
export function createSessionStore(): SessionStore {
  const listeners = new Set<() => void>();
  let current: SessionState = { status: 'loading' };
  const set = (state: SessionState) => {
    current = state;
    for (const listener of listeners) {
      listener();
    }
  };
  return {
    get: () => current,
    session: () => (current.status === 'signed-in' ? current.session : undefined),
    set,
    clear() {
      if (current.status !== 'signed-out') {
        set({ status: 'signed-out' });
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
