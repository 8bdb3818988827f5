/** The colour theme a user chose; `system` follows the operating system. */
export type ThemePreference = 'system' | 'light' | 'dark';
