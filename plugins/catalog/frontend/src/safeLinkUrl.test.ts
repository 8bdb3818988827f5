import { safeLinkUrl } from './safeLinkUrl';

describe('safeLinkUrl', () => {
  it('keeps http, https and mailto links', () => {
    expect(safeLinkUrl('https://example.com/runbook')).toBe('https://example.com/runbook');
    expect(safeLinkUrl('http://example.com')).toBe('http://example.com/');
    expect(safeLinkUrl('mailto:team@example.com')).toBe('mailto:team@example.com');
  });

  it('refuses script and data URLs however they are spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
    ]) {
      expect(safeLinkUrl(url)).toBeUndefined();
    }
  });

  it('refuses relative and malformed URLs', () => {
    expect(safeLinkUrl('/catalog')).toBeUndefined();
    expect(safeLinkUrl('not a url')).toBeUndefined();
    expect(safeLinkUrl('')).toBeUndefined();
  });
});
