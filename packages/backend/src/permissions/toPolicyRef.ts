import { stringifyEntityRef } from '@atrium/plugin-api';

/**
 * The form refs are compared in by the policy: canonical `kind:namespace/name`,
 * lowercase. A ref that does not parse is only lowercased; it then matches
 * nothing but itself, which is the safe outcome.
 */
export function toPolicyRef(ref: string): string {
  try {
    return stringifyEntityRef(ref);
  } catch {
    return ref.toLowerCase();
  }
}
