import { isPlainObject } from './isPlainObject';

/** The value found by following `segments` from `data`, or undefined when any step is missing. */
export function readConfigValue(data: unknown, segments: ReadonlyArray<string | number>): unknown {
  let current: unknown = data;
  for (const segment of segments) {
    if (typeof segment === 'number' && Array.isArray(current)) {
      current = current[segment];
    } else if (isPlainObject(current) && Object.hasOwn(current, String(segment))) {
      current = current[String(segment)];
    } else {
      return undefined;
    }
  }
  return current;
}
