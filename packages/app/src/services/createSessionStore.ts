import type { Session } from './Session';
import type { SessionStore } from './SessionStore';

const key = 'atrium.session';

function isSession(value: unknown): value is Session {
  const session = value as Partial<Session> | null;
  return (
    typeof session?.token === 'string' &&
    typeof session.expiresAt === 'string' &&
    typeof session.identity?.userEntityRef === 'string' &&
    Array.isArray(session.identity.ownershipEntityRefs)
  );
}

/**
 * Keeps the session in `storage` (the shell passes `sessionStorage`: the token
 * lives as long as the tab and is not shared with other tabs, which limits how
 * long a stolen bearer token stays around until sessions move to httpOnly cookies).
 * An expired or unreadable entry counts as signed out.
 */
export function createSessionStore(storage: Storage, now: () => number = Date.now): SessionStore {
  const listeners = new Set<() => void>();
  const read = (): Session | undefined => {
    try {
      const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
      return isSession(value) && Date.parse(value.expiresAt) > now() ? value : undefined;
    } catch {
      return undefined;
    }
  };
  let current = read();
  const notify = () => {
    for (const listener of listeners) {
      listener();
    }
  };
  return {
    get() {
      if (current && Date.parse(current.expiresAt) <= now()) {
        current = undefined;
        storage.removeItem(key);
      }
      return current;
    },
    set(session) {
      current = session;
      storage.setItem(key, JSON.stringify(session));
      notify();
    },
    clear() {
      if (current === undefined && storage.getItem(key) === null) {
        return;
      }
      current = undefined;
      storage.removeItem(key);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
