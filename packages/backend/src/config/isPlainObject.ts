/** True for objects that config data and JSON Schemas are made of (not arrays, not null, not class instances). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  // Compared by shape rather than identity with Object.prototype, so objects made in another
  // realm (structuredClone, vm contexts) still count.
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
