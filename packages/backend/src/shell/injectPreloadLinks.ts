import type { PreloadLink } from './PreloadLink';

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Adds a `<link rel="preload">` per link at the end of the page's `<head>`.
 * `fetch` preloads carry `crossorigin`: a `fetch()` is a CORS-mode request,
 * and the browser only reuses a preload made in the same mode.
 */
export function injectPreloadLinks(html: string, links: readonly PreloadLink[]): string {
  const end = html.indexOf('</head>');
  if (end === -1 || links.length === 0) {
    return html;
  }
  const tags = links
    .map(
      ({ href, as, fetchPriority }) =>
        `<link rel="preload" href="${escapeAttribute(href)}" as="${as}"${as === 'fetch' ? ' crossorigin' : ''}${fetchPriority ? ` fetchpriority="${fetchPriority}"` : ''}>`,
    )
    .join('');
  return `${html.slice(0, end)}${tags}${html.slice(end)}`;
}
