import type { ThemePreference } from './ThemePreference';

/** Remembers the theme preference and applies it to the document. */
export interface ThemeStore {
  get(): ThemePreference;
  set(theme: ThemePreference): void;
  subscribe(listener: () => void): () => void;
}
