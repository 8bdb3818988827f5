import type { EntityPredicate } from '../common/entity/EntityPredicate';
import { InputError } from '../common/errors/InputError';
import { type FieldIndex, indexFields } from './indexFields';
import { isJsonObject } from './isJsonObject';
import { resolvePath } from './resolvePath';

/** What a compiled predicate is tested against: the value itself and its {@link FieldIndex}. */
export interface PredicateTarget {
  value: unknown;
  index: FieldIndex;
}

/** A predicate turned into a test. */
export type CompiledPredicate = (target: PredicateTarget) => boolean;

type Primitive = string | number | boolean;

/**
 * Validates an {@link EntityPredicate} and turns it into a test, with the core
 * store's semantics: keys and values compare case-insensitively, a path
 * matches when any of its values does (arrays are flattened), and
 * `relations.<type>` holds the target refs of that relation type.
 * Throws `InputError` for anything malformed, before any entity is tested.
 *
 * @example
 * const test = compileEntityPredicate({ kind: 'component', 'spec.lifecycle': { $in: ['production'] } });
 */
export function compileEntityPredicate(predicate: EntityPredicate): CompiledPredicate {
  return compile(predicate, false);
}

function compile(predicate: unknown, insideContains: boolean): CompiledPredicate {
  if (isPrimitive(predicate)) {
    if (!insideContains) {
      throw new InputError(
        `Invalid entity predicate ${JSON.stringify(predicate)}: wrap a value in a field expression, e.g. { "kind": "component" }`,
      );
    }
    // Inside $contains an element may itself be a primitive, e.g. one of metadata.tags.
    const expected = lower(predicate);
    return ({ value }) => isPrimitive(value) && lower(value) === expected;
  }
  if (!isJsonObject(predicate)) {
    throw new InputError(`Invalid entity predicate ${JSON.stringify(predicate)}: expected an object`);
  }
  const keys = Object.keys(predicate);
  const operator = keys.find((key) => key === '$all' || key === '$any' || key === '$not');
  if (operator !== undefined && keys.length !== 1) {
    throw new InputError(
      `Operator ${operator} must be the only key of its object; wrap it in $all to combine`,
    );
  }
  if (operator === '$not') {
    const inner = compile(predicate.$not, insideContains);
    return (target) => !inner(target);
  }
  if (operator === '$all' || operator === '$any') {
    const list = predicate[operator];
    if (!Array.isArray(list)) {
      throw new InputError(`Operator ${operator} takes an array of predicates`);
    }
    const parts = list.map((part) => compile(part, insideContains));
    return operator === '$all'
      ? (target) => parts.every((part) => part(target))
      : (target) => parts.some((part) => part(target));
  }
  const fields = Object.entries(predicate).map(([path, matcher]) => compileMatcher(path, matcher));
  return (target) => fields.every((field) => field(target));
}

function compileMatcher(path: string, matcher: unknown): CompiledPredicate {
  if (path.startsWith('$')) {
    throw new InputError(`Unknown predicate operator '${path}'; expected $all, $any or $not`);
  }
  const key = lower(path);
  const anyValue = (test: (value: string) => boolean): CompiledPredicate => {
    return ({ index }) => index.get(key)?.some((entry) => test(entry.value)) ?? false;
  };
  if (isPrimitive(matcher)) {
    const expected = lower(matcher);
    return anyValue((value) => value === expected);
  }
  const keys = isJsonObject(matcher) ? Object.keys(matcher) : [];
  if (!isJsonObject(matcher) || keys.length !== 1) {
    throw invalidMatcher(path, matcher);
  }
  if ('$exists' in matcher) {
    if (typeof matcher.$exists !== 'boolean') {
      throw invalidMatcher(path, matcher);
    }
    const wanted = matcher.$exists;
    const below = `${key}.`;
    // An object exists when something below it is indexed, as with search rows in SQL.
    return ({ index }) => (index.has(key) || [...index.keys()].some((k) => k.startsWith(below))) === wanted;
  }
  if ('$in' in matcher) {
    const list = matcher.$in;
    if (!Array.isArray(list) || !list.every(isPrimitive)) {
      throw invalidMatcher(path, matcher);
    }
    const wanted = new Set(list.map(lower));
    return anyValue((value) => wanted.has(value));
  }
  if ('$hasPrefix' in matcher) {
    if (typeof matcher.$hasPrefix !== 'string') {
      throw invalidMatcher(path, matcher);
    }
    const prefix = lower(matcher.$hasPrefix);
    return anyValue((value) => value.startsWith(prefix));
  }
  if ('$contains' in matcher) {
    const element = matcher.$contains;
    if (isPrimitive(element)) {
      const expected = lower(element);
      return anyValue((value) => value === expected);
    }
    const test = compile(element, true);
    return ({ value }) => {
      const items = resolvePath(value, path)?.value;
      return Array.isArray(items) && items.some((item) => test({ value: item, index: indexFields(item) }));
    };
  }
  throw invalidMatcher(path, matcher);
}

function invalidMatcher(path: string, matcher: unknown): InputError {
  return new InputError(
    `Invalid matcher for '${path}': expected a value or one of { $exists }, { $in }, { $hasPrefix }, { $contains }, got ${JSON.stringify(matcher)}`,
  );
}

function isPrimitive(value: unknown): value is Primitive {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function lower(value: Primitive): string {
  return String(value).toLocaleLowerCase('en-US');
}
