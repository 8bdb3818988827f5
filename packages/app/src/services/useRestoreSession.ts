import { useEffect } from 'react';
import { loadSession } from './loadSession';
import { useSession } from './useSession';
import { useShellServices } from './useShellServices';

/**
 * While the session state is `loading` (page start, or "Try again"), asks the
 * server who the cookie belongs to and records the answer.
 */
export function useRestoreSession(): void {
  const { fetch, sessions } = useShellServices();
  const state = useSession();
  const loading = state.status === 'loading';
  useEffect(() => {
    if (!loading) {
      return;
    }
    let current = true;
    loadSession(fetch)
      .then((session) => {
        if (current) {
          sessions.set(session ? { status: 'signed-in', session } : { status: 'signed-out' });
        }
      })
      .catch((error: unknown) => current && sessions.set({ status: 'failed', error }));
    return () => {
      current = false;
    };
  }, [loading, fetch, sessions]);
}
