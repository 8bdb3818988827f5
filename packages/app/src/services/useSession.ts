import { useSyncExternalStore } from 'react';
import type { SessionState } from './SessionState';
import { useShellServices } from './useShellServices';

/** The session state; re-renders on sign-in and sign-out. */
export function useSession(): SessionState {
  const { sessions } = useShellServices();
  return useSyncExternalStore(sessions.subscribe, sessions.get);
}
