import { isReadingAllowed } from './isReadingAllowed';

describe('isReadingAllowed', () => {
  it('matches exact hosts, hosts with ports and subdomain wildcards', () => {
    const rules = [{ host: 'github.com' }, { host: 'localhost:8080' }, { host: '*.example.com' }];
    expect(isReadingAllowed(rules, new URL('https://github.com/a/b'))).toBe(true);
    expect(isReadingAllowed(rules, new URL('https://api.github.com/a'))).toBe(false);
    expect(isReadingAllowed(rules, new URL('http://localhost:8080/x'))).toBe(true);
    expect(isReadingAllowed(rules, new URL('http://localhost:9090/x'))).toBe(false);
    expect(isReadingAllowed(rules, new URL('https://git.example.com/x'))).toBe(true);
    expect(isReadingAllowed(rules, new URL('https://example.com/x'))).toBe(false);
    expect(isReadingAllowed(rules, new URL('https://evilexample.com/x'))).toBe(false);
  });
});
