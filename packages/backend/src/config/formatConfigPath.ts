/** Formats path segments the way errors show them: `auth.tokens[0].token`. */
export function formatConfigPath(segments: ReadonlyArray<string | number>): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') {
      return `${path}[${segment}]`;
    }
    return path === '' ? segment : `${path}.${segment}`;
  }, '');
}
