import { isJsonObject } from './isJsonObject';

/** Where {@link resolvePath} found a value: the keys as written in the object, and the value. */
export interface ResolvedPath {
  keys: string[];
  value: unknown;
}

/**
 * Finds the value at a dot path, comparing keys case-insensitively and
 * letting keys contain dots (`metadata.annotations.backstage.io/techdocs-ref`).
 * Does not descend into arrays.
 *
 * @example
 * resolvePath({ metadata: { annotations: { 'github.com/project-slug': 'acme/app' } } }, 'metadata.annotations.github.com/project-slug');
 * // { keys: ['metadata', 'annotations', 'github.com/project-slug'], value: 'acme/app' }
 */
export function resolvePath(value: unknown, path: string): ResolvedPath | undefined {
  return path === '' ? undefined : resolveLowered(value, path.toLocaleLowerCase('en-US'));
}

function resolveLowered(value: unknown, path: string): ResolvedPath | undefined {
  if (!isJsonObject(value)) {
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    const lowered = key.toLocaleLowerCase('en-US');
    if (lowered === path && child !== undefined) {
      return { keys: [key], value: child };
    }
    // A key with dots may swallow several path segments, so try every key that prefixes the path.
    if (path.startsWith(`${lowered}.`)) {
      const found = resolveLowered(child, path.slice(lowered.length + 1));
      if (found) {
        return { keys: [key, ...found.keys], value: found.value };
      }
    }
  }
  return undefined;
}
