import { fromErrorResponse } from '@atrium/plugin-api/frontend';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SignInProvider } from './SignInProvider';
import { useShellServices } from './useShellServices';

/** The state of the provider list on the sign-in page. */
export type SignInProvidersState =
  | { status: 'loading' }
  | { status: 'loaded'; providers: SignInProvider[] }
  | { status: 'failed'; error: unknown };

/** Lists the configured sign-in providers from the public `GET /api/core/auth/providers`; `retry` asks again. */
export function useSignInProviders(): SignInProvidersState & { retry: () => void } {
  const { publicFetch } = useShellServices();
  const [state, setState] = useState<SignInProvidersState>({ status: 'loading' });
  const mounted = useRef(true);
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const response = await publicFetch('/api/core/auth/providers', {
        headers: { accept: 'application/json' },
      });
      if (!response.ok) {
        throw await fromErrorResponse(response);
      }
      const { providers } = (await response.json()) as { providers: SignInProvider[] };
      if (mounted.current) {
        setState({ status: 'loaded', providers });
      }
    } catch (error) {
      if (mounted.current) {
        setState({ status: 'failed', error });
      }
    }
  }, [publicFetch]);
  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);
  return { ...state, retry: () => void load() };
}
