import type { FrontendPlugin } from './FrontendPlugin';

/** Tells whether a value loaded from a remote was made by `defineFrontendPlugin`. */
export function isFrontendPlugin(value: unknown): value is FrontendPlugin {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { $$type?: unknown }).$$type === '@atrium/FrontendPlugin' &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}
