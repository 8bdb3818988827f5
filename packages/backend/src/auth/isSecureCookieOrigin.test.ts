import { isSecureCookieOrigin } from './isSecureCookieOrigin';

describe('isSecureCookieOrigin', () => {
  it('allows plain cookies only for http on localhost and 127.0.0.1', () => {
    expect(isSecureCookieOrigin('http://localhost:7007')).toBe(false);
    expect(isSecureCookieOrigin('http://127.0.0.1:3000')).toBe(false);
  });

  it('makes cookies Secure everywhere else, and when the base URL is unknown', () => {
    expect(isSecureCookieOrigin('https://localhost:7007')).toBe(true);
    expect(isSecureCookieOrigin('http://portal.internal')).toBe(true);
    expect(isSecureCookieOrigin('https://portal.example.com')).toBe(true);
    expect(isSecureCookieOrigin(undefined)).toBe(true);
  });
});
