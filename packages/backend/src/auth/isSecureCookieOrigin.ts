const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether cookies for a portal at `baseUrl` must be `Secure`: always, except for
 * plain http on localhost, where browsers would drop a Secure cookie.
 *
 * @example
 * isSecureCookieOrigin('http://localhost:7007') // false
 * isSecureCookieOrigin('https://portal.example.com') // true
 */
export function isSecureCookieOrigin(baseUrl: string | undefined): boolean {
  if (baseUrl === undefined) {
    return true;
  }
  const url = new URL(baseUrl);
  return !(url.protocol === 'http:' && localHosts.has(url.hostname));
}
