import { useSyncExternalStore } from 'react';
import type { Session } from './Session';
import { useShellServices } from './useShellServices';

/** The signed-in session, or undefined; re-renders on sign-in and sign-out. */
export function useSession(): Session | undefined {
  const { sessions } = useShellServices();
  return useSyncExternalStore(sessions.subscribe, sessions.get);
}
