/** A value an entity field is compared with. Comparison is case-insensitive. */
export type EntityPrimitive = string | number | boolean;

/**
 * A matcher applied to the value(s) at one dot path. `$contains` takes a
 * primitive (an array holds that value) or a predicate over the array's
 * elements (some element satisfies it, paths relative to the element).
 */
export type EntityValueMatcher =
  | EntityPrimitive
  | { $exists: boolean }
  | { $in: EntityPrimitive[] }
  | { $hasPrefix: string }
  | { $contains: EntityPrimitive | EntityPredicate };

/**
 * A query over entities in Backstage's predicate language: keys are dot paths
 * (`kind`, `spec.type`, `metadata.tags`, `relations.ownedBy`), combined with
 * `$all`, `$any` and `$not`. Arrays match when any element matches.
 *
 * @example
 * const q: EntityPredicate = { $all: [{ kind: 'component' }, { 'spec.lifecycle': { $in: ['production', 'experimental'] } }] };
 */
export type EntityPredicate =
  | { $all: EntityPredicate[] }
  | { $any: EntityPredicate[] }
  | { $not: EntityPredicate }
  | { [path: string]: EntityValueMatcher };
