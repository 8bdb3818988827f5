/**
 * The Content-Security-Policy the portal is served with: scripts only from the
 * portal itself and from `plugins.origins` (where installed plugins' frontend
 * remotes live), no inline scripts, no plugins (`object-src`), and no framing
 * (`frame-ancestors`), so injected markup cannot run code and the portal cannot be
 * clickjacked. Styles allow inline because the UI kit sets style attributes.
 *
 * @example
 * createHttpApp({ ..., contentSecurityPolicy: createShellContentSecurityPolicy(['https://plugins.example.com']) });
 */
export function createShellContentSecurityPolicy(origins: string[]): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...origins],
    'style-src': ["'self'", "'unsafe-inline'", ...origins],
    'img-src': ["'self'", 'data:', 'https:'],
    'font-src': ["'self'", 'data:', ...origins],
    'connect-src': ["'self'", ...origins],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}
