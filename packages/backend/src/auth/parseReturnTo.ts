import { InputError } from '@atrium/plugin-api';

// One slash, then neither slash nor backslash: `//evil` and `/\evil` are other hosts to a browser.
const samePath = /^\/(?![/\\])[^\s\\]*$/;
const base = 'https://portal.invalid';

/**
 * The page to go back to after sign-in: `/` when absent, else a relative path on
 * this portal. Absolute URLs, `//host`, `/\host`, `javascript:` and control
 * characters are an `InputError`, so sign-in can never redirect away.
 *
 * @example
 * parseReturnTo('/catalog?kind=component') // '/catalog?kind=component'
 * parseReturnTo('//evil.example') // throws InputError
 */
export function parseReturnTo(value: unknown): string {
  if (value === undefined || value === '') {
    return '/';
  }
  // Control characters are dropped by browsers' URL parsers and could rejoin a `//`.
  const hasControl =
    typeof value === 'string' && [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (
    typeof value !== 'string' ||
    value.length > 2000 ||
    hasControl ||
    !samePath.test(value) ||
    new URL(value, base).origin !== base
  ) {
    throw new InputError(
      'returnTo must be a path on this portal starting with a single slash, such as /catalog',
    );
  }
  return value;
}
