interface CompiledRoute {
  method: string;
  pattern: string;
  regex: RegExp;
  params: number;
}

function compile(route: string): CompiledRoute | undefined {
  const space = route.indexOf(' ');
  if (space === -1) {
    return undefined;
  }
  const method = route.slice(0, space);
  const pattern = route.slice(space + 1);
  let params = 0;
  const source = pattern
    .split(/(:[A-Za-z_$][\w$]*|\*[A-Za-z_$][\w$]*)/)
    .map((part) => {
      if (part.startsWith(':')) {
        params++;
        return '[^/]+';
      }
      if (part.startsWith('*')) {
        params++;
        return '.+';
      }
      return part.replace(/[.+?^${}()|[\]\\*]/g, '\\$&');
    })
    .join('');
  // Express matches with or without a trailing slash, so the audit does too.
  return { method, pattern, regex: new RegExp(`^${source.replace(/\/$/, '')}/?$`), params };
}

/**
 * Makes a matcher from `METHOD /path` routes as `plugin.yaml` declares them
 * (express syntax: `:param` for one segment, `*rest` for the remainder). It
 * answers with the most specific matching pattern, or `undefined`.
 *
 * @example
 * findRoutePattern(['DELETE /locations/:id'])('DELETE', '/locations/42') // 'DELETE /locations/:id'
 */
export function findRoutePattern(routes: string[]): (method: string, path: string) => string | undefined {
  const compiled = routes
    .map(compile)
    .filter((route): route is CompiledRoute => route !== undefined)
    .sort((a, b) => a.params - b.params);
  return (method, path) => {
    const route = compiled.find((r) => r.method === method && r.regex.test(path));
    return route === undefined ? undefined : `${route.method} ${route.pattern}`;
  };
}
