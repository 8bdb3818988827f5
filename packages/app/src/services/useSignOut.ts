import { fromErrorResponse } from '@atrium/plugin-api/frontend';
import { useCallback, useState } from 'react';
import { useShellServices } from './useShellServices';

/**
 * Signs out: the server ends the session and clears the cookie, then the shell
 * forgets the identity, which shows the sign-in page. On failure the user stays
 * signed in (the session still lives) and `error` says why.
 */
export function useSignOut(): { signOut: () => void; error?: Error } {
  const { fetch, sessions } = useShellServices();
  const [error, setError] = useState<Error>();
  const signOut = useCallback(() => {
    setError(undefined);
    (async () => {
      const response = await fetch('/api/core/auth/sign-out', { method: 'POST' });
      // A 401 means the session had already ended: signed out either way.
      if (!response.ok && response.status !== 401) {
        throw await fromErrorResponse(response);
      }
      sessions.clear();
    })().catch((caught: Error) => setError(caught));
  }, [fetch, sessions]);
  return error ? { signOut, error } : { signOut };
}
