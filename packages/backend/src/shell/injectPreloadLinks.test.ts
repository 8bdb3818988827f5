import { injectPreloadLinks } from './injectPreloadLinks';

const page = '<!doctype html><html><head><title>Atrium</title></head><body></body></html>';

describe('injectPreloadLinks', () => {
  it('adds one low-priority preload link per file at the end of the head', () => {
    expect(
      injectPreloadLinks(page, [
        { href: '/plugins/a/mf-manifest.json', as: 'fetch' },
        { href: '/plugins/a/remoteEntry.js', as: 'script' },
        { href: '/plugins/a/a.css', as: 'style' },
      ]),
    ).toBe(
      '<!doctype html><html><head><title>Atrium</title>' +
        '<link rel="preload" href="/plugins/a/mf-manifest.json" as="fetch" crossorigin fetchpriority="low">' +
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
