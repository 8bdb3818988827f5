/** One entry of `backend.reading.allow` (Backstage's shape). */
export interface ReadingAllowRule {
  /** `host`, `host:port`, or `*.example.com` for any subdomain. */
  host: string;
  /** Path prefixes the rule is limited to; all paths when absent. */
  paths?: string[];
}

function hostMatches(pattern: string, url: URL): boolean {
  const host = pattern.includes(':') ? url.host : url.hostname;
  if (pattern.startsWith('*.')) {
    return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  }
  return host === pattern;
}

/** True when the config allows the server to fetch `url`; everything else is denied, so no SSRF by default. */
export function isReadingAllowed(rules: ReadingAllowRule[], url: URL): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return false;
  }
  return rules.some(
    (rule) =>
      hostMatches(rule.host, url) &&
      (!rule.paths || rule.paths.some((prefix) => url.pathname.startsWith(prefix))),
  );
}
