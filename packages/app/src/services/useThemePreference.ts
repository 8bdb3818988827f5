import { useSyncExternalStore } from 'react';
import type { ThemePreference } from './ThemePreference';
import { useShellServices } from './useShellServices';

/** The chosen theme and a setter that applies and remembers it. */
export function useThemePreference(): [ThemePreference, (theme: ThemePreference) => void] {
  const { theme } = useShellServices();
  return [useSyncExternalStore(theme.subscribe, theme.get), theme.set];
}
