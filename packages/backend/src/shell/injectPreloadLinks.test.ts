import { injectPreloadLinks } from './injectPreloadLinks';

const page = '<!doctype html><html><head><title>Atrium</title></head><body></body></html>';

describe('injectPreloadLinks', () => {
  it('adds one preload link per file at the end of the head, in CORS mode for fetch()', () => {
    expect(
      injectPreloadLinks(page, [
        { href: '/api/a/items?limit=5', as: 'fetch' },
        { href: '/plugins/a/remoteEntry.js', as: 'script', fetchPriority: 'low' },
        { href: '/plugins/a/a.css', as: 'style', fetchPriority: 'low' },
      ]),
    ).toBe(
      '<!doctype html><html><head><title>Atrium</title>' +
        '<link rel="preload" href="/api/a/items?limit=5" as="fetch" crossorigin>' +
        '<link rel="preload" href="/plugins/a/remoteEntry.js" as="script" fetchpriority="low">' +
        '<link rel="preload" href="/plugins/a/a.css" as="style" fetchpriority="low">' +
        '</head><body></body></html>',
    );
  });

  it('escapes the address so that it cannot leave the attribute', () => {
    const html = injectPreloadLinks(page, [{ href: '/x"><script>alert(1)</script>', as: 'script' }]);
    expect(html).toContain('href="/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain('<script>');
  });

  it('leaves the page as it is when there is nothing to add or no head', () => {
    expect(injectPreloadLinks(page, [])).toBe(page);
    expect(injectPreloadLinks('<p>no head</p>', [{ href: '/a.js', as: 'script' }])).toBe('<p>no head</p>');
  });
});
