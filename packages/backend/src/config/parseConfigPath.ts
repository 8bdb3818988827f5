/**
 * Splits a config path into its segments; `a.b[0].c` and `a.b.0.c` both give
 * `['a', 'b', 0, 'c']`, and the empty path gives no segments.
 */
export function parseConfigPath(path: string): Array<string | number> {
  if (path === '') {
    return [];
  }
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
