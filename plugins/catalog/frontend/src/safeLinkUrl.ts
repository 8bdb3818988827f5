const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to put in an entity link's `href`, or undefined when it is not an
 * absolute http, https or mailto URL. Entity YAML is user input: a
 * `javascript:` or `data:` link would run script in the portal's origin.
 *
 * @example
 * safeLinkUrl('https://example.com/runbook') // 'https://example.com/runbook'
 * safeLinkUrl('javascript:alert(1)') // undefined
 */
export function safeLinkUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    // Parsing (rather than a prefix test) sees through case, whitespace and control characters.
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return allowedProtocols.has(parsed.protocol) ? parsed.href : undefined;
}
