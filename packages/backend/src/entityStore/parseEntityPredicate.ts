import { type EntityPredicate, InputError } from '@atrium/plugin-api';

/** What a value at one key must satisfy; values and prefixes are lowercase. */
export type ValueMatch = { op: 'in'; values: string[] } | { op: 'prefix'; prefix: string } | { op: 'exists' };

/** A checked predicate with lowercase keys and values, ready to compile to SQL. */
export type PredicateNode =
  | { type: 'all'; children: PredicateNode[] }
  | { type: 'any'; children: PredicateNode[] }
  | { type: 'not'; child: PredicateNode }
  /** A search key: some value at `key` matches. */
  | { type: 'value'; key: string; match: ValueMatch }
  /** `relations.<type>`: some relation of that type (either direction) has a matching target ref. */
  | { type: 'relation'; relationType: string; match: ValueMatch }
  /** `metadata.ref`: the entity's own canonical ref matches; answered from the entity row, not the search index. */
  | { type: 'ref'; match: ValueMatch }
  /** `$contains` with a predicate: some object element of the array at `key` satisfies `predicate`. */
  | { type: 'element'; key: string; predicate: PredicateNode };

/**
 * The key that names the entity's own canonical ref (`kind:namespace/name`).
 * It is not stored in the search index: every entity has exactly one ref, and
 * the entity row already holds it, uniquely indexed.
 */
export const ENTITY_REF_KEY = 'metadata.ref';

/** Deeper predicates are refused rather than risk exhausting the stack. */
const maxDepth = 32;

type Scope = 'entity' | 'element';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function lower(value: string | number | boolean): string {
  return String(value).toLowerCase();
}

function parseList(value: unknown, operator: string, scope: Scope, depth: number): PredicateNode[] {
  if (!Array.isArray(value)) {
    throw new InputError(`Query operator '${operator}' takes an array of predicates`);
  }
  return value.map((item) => parseNode(item, scope, depth + 1));
}

function parseMatcher(path: string, matcher: unknown, scope: Scope, depth: number): PredicateNode {
  const isRelation = scope === 'entity' && path.startsWith('relations.');
  const isRef = scope === 'entity' && path === ENTITY_REF_KEY;
  const make = (match: ValueMatch): PredicateNode => {
    if (isRelation) {
      return { type: 'relation', relationType: path.slice('relations.'.length), match };
    }
    return isRef ? { type: 'ref', match } : { type: 'value', key: path, match };
  };

  if (isPrimitive(matcher)) {
    return make({ op: 'in', values: [lower(matcher)] });
  }
  const entries = isRecord(matcher) ? Object.entries(matcher) : [];
  const [entry] = entries;
  if (entries.length !== 1 || !entry) {
    throw new InputError(
      `The query value for '${path}' must be a string, number or boolean, or one of $exists, $in, $hasPrefix, $contains`,
    );
  }
  const [operator, operand] = entry;
  switch (operator) {
    case '$exists':
      if (typeof operand !== 'boolean') {
        throw new InputError(`$exists on '${path}' takes true or false`);
      }
      return operand ? make({ op: 'exists' }) : { type: 'not', child: make({ op: 'exists' }) };
    case '$in':
      if (!Array.isArray(operand) || !operand.every(isPrimitive)) {
        throw new InputError(`$in on '${path}' takes an array of strings, numbers or booleans`);
      }
      return make({ op: 'in', values: operand.map(lower) });
    case '$hasPrefix':
      if (typeof operand !== 'string') {
        throw new InputError(`$hasPrefix on '${path}' takes a string`);
      }
      return make({ op: 'prefix', prefix: operand.toLowerCase() });
    case '$contains':
      if (isPrimitive(operand)) {
        return make({ op: 'in', values: [lower(operand)] });
      }
      if (isRelation || isRef) {
        throw new InputError(`$contains on '${path}' takes an entity ref`);
      }
      if (scope === 'element') {
        throw new InputError(`$contains with a predicate cannot be nested inside another one (at '${path}')`);
      }
      return { type: 'element', key: path, predicate: parseNode(operand, 'element', depth + 1) };
    default:
      throw new InputError(`Unknown query operator '${operator}' on '${path}'`);
  }
}

function parseNode(predicate: unknown, scope: Scope, depth: number): PredicateNode {
  if (depth > maxDepth) {
    throw new InputError(`The query is nested deeper than ${maxDepth} levels`);
  }
  if (!isRecord(predicate)) {
    throw new InputError('A query predicate must be an object');
  }
  const children: PredicateNode[] = [];
  for (const [key, value] of Object.entries(predicate)) {
    if (key === '$all') {
      children.push({ type: 'all', children: parseList(value, key, scope, depth) });
    } else if (key === '$any') {
      children.push({ type: 'any', children: parseList(value, key, scope, depth) });
    } else if (key === '$not') {
      children.push({ type: 'not', child: parseNode(value, scope, depth + 1) });
    } else if (key.startsWith('$')) {
      throw new InputError(`Unknown query operator '${key}'`);
    } else {
      const path = key.toLowerCase();
      if (path === '' || (scope === 'entity' && (path === 'relations' || path === 'relations.'))) {
        throw new InputError(`Cannot query '${key}'; relations are queried by type, as 'relations.<type>'`);
      }
      children.push(parseMatcher(path, value, scope, depth));
    }
  }
  return children.length === 1 && children[0] ? children[0] : { type: 'all', children };
}

/**
 * Checks a predicate and lowercases its keys and values, throwing
 * `InputError` naming the offending key or operator.
 *
 * @example
 * parseEntityPredicate({ kind: 'Component', 'spec.type': { $in: ['service'] } })
 */
export function parseEntityPredicate(predicate: EntityPredicate): PredicateNode {
  return parseNode(predicate, 'entity', 0);
}
