import type { ThemePreference } from './ThemePreference';
import type { ThemeStore } from './ThemeStore';

const key = 'atrium.theme';

/** Keeps the theme in `storage` (it outlives the session) and sets `data-theme` on `root`; `system` removes it. */
export function createThemeStore(storage: Storage, root: HTMLElement): ThemeStore {
  const listeners = new Set<() => void>();
  const stored = storage.getItem(key);
  let current: ThemePreference = stored === 'light' || stored === 'dark' ? stored : 'system';
  const apply = () => {
    if (current === 'system') {
      delete root.dataset.theme;
    } else {
      root.dataset.theme = current;
    }
  };
  apply();
  return {
    get: () => current,
    set(theme) {
      current = theme;
      storage.setItem(key, theme);
      apply();
      for (const listener of listeners) {
        listener();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
