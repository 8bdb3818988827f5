import { formatConfigPath } from './formatConfigPath';
import { isPlainObject } from './isPlainObject';

/**
 * Deep-merges one layer into `target` in place: objects merge key by key, arrays and
 * scalars replace what was there. Every path the layer sets is attributed to `file` in `sources`.
 */
export function mergeConfigLayer(
  target: Record<string, unknown>,
  layer: Record<string, unknown>,
  file: string,
  sources: Map<string, string>,
  segments: Array<string | number> = [],
): void {
  for (const [key, value] of Object.entries(layer)) {
    const path = [...segments, key];
    const existing = target[key];
    if (isPlainObject(existing) && isPlainObject(value)) {
      sources.set(formatConfigPath(path), file);
      mergeConfigLayer(existing, value, file, sources, path);
      continue;
    }
    forgetSourcesBelow(sources, formatConfigPath(path));
    target[key] = structuredClone(value);
    attribute(value, path, file, sources);
  }
}

function attribute(
  value: unknown,
  segments: Array<string | number>,
  file: string,
  sources: Map<string, string>,
) {
  sources.set(formatConfigPath(segments), file);
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      attribute(item, [...segments, index], file, sources);
    });
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      attribute(item, [...segments, key], file, sources);
    }
  }
}

// A replaced subtree must not keep attributions from an earlier layer it no longer contains.
function forgetSourcesBelow(sources: Map<string, string>, path: string) {
  for (const key of sources.keys()) {
    if (key.startsWith(`${path}.`) || key.startsWith(`${path}[`)) {
      sources.delete(key);
    }
  }
}
