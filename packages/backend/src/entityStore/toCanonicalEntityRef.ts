import { type CompoundEntityRef, stringifyEntityRef } from '@atrium/plugin-api';

/**
 * The canonical form of a ref, as `stringifyEntityRef` gives it. Full
 * `kind:namespace/name` strings, which is what providers and callers almost
 * always pass, skip the parse: writes canonicalise every relation target.
 */
export function toCanonicalEntityRef(ref: string | CompoundEntityRef): string {
  if (typeof ref === 'string') {
    const colon = ref.indexOf(':');
    const slash = ref.indexOf('/');
    if (colon > 0 && slash > colon + 1 && slash < ref.length - 1) {
      return ref.toLowerCase();
    }
  }
  return stringifyEntityRef(ref);
}
