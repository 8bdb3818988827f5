import { answeredByRefs } from '../answeredByRefs';
import type { EntityFilter } from '../EntityStorage';
import { ENTITY_REF_KEY, type PredicateNode, type ValueMatch } from '../parseEntityPredicate';
import type { SqlParameters } from './SqlParameters';
import { toTsQuery } from './toTsQuery';

/** Escapes LIKE wildcards so that text matches literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function matchValue(column: string, match: ValueMatch, params: SqlParameters): string {
  switch (match.op) {
    case 'in':
      if (match.values.length === 0) {
        return 'false';
      }
      return match.values.length === 1
        ? `${column} = ${params.add(match.values[0])}`
        : `${column} = ANY(${params.add(match.values)}::text[])`;
    case 'prefix':
      return `${column} LIKE ${params.add(`${escapeLike(match.prefix)}%`)}`;
    case 'exists':
      return 'true';
  }
}

function matchKey(column: string, key: string, match: ValueMatch, params: SqlParameters): string {
  // Presence also counts keys below the path, so that objects exist.
  return match.op === 'exists'
    ? `(${column} = ${params.add(key)} OR ${column} LIKE ${params.add(`${escapeLike(key)}.%`)})`
    : `${column} = ${params.add(key)}`;
}

function compileElementNode(node: PredicateNode, params: SqlParameters): string {
  switch (node.type) {
    case 'all':
    case 'any':
      return combine(
        node.type,
        node.children.map((child) => compileElementNode(child, params)),
      );
    case 'not':
      return `NOT (${compileElementNode(node.child, params)})`;
    case 'value':
      return (
        'EXISTS (SELECT 1 FROM search_elements x WHERE x.entity_id = m.entity_id AND x.element = m.element' +
        ` AND ${matchKey('x.key', node.key, node.match, params)} AND ${matchValue('x.value', node.match, params)})`
      );
    case 'relation':
    case 'ref':
    case 'element':
      // parseEntityPredicate keeps these out of a $contains predicate.
      return 'false';
  }
}

function combine(type: 'all' | 'any', parts: string[]): string {
  if (parts.length === 0) {
    return type === 'all' ? 'true' : 'false';
  }
  return parts.map((part) => `(${part})`).join(type === 'all' ? ' AND ' : ' OR ');
}

/** A query of the refs of the entities matching a node that {@link answeredByRefs}. */
function refSet(node: PredicateNode, params: SqlParameters): string {
  switch (node.type) {
    case 'relation':
      return (
        `SELECT r.source_ref FROM relations r WHERE lower(r.type) = ${params.add(node.relationType)}` +
        ` AND ${matchValue('r.target_ref', node.match, params)}`
      );
    case 'ref':
      return node.match.op === 'in'
        ? `SELECT unnest(${params.add(node.match.values)}::text[])`
        : `SELECT x.entity_ref FROM entities x WHERE ${matchValue('x.entity_ref', node.match, params)}`;
    case 'any':
      return node.children.map((child) => refSet(child, params)).join(' UNION ALL ');
    default:
      throw new Error(`A '${node.type}' predicate is not answered by refs`);
  }
}

function compileNode(node: PredicateNode, params: SqlParameters): string {
  switch (node.type) {
    case 'any':
      // "Related to any of these, or one of these" (what an ownership restriction says) as one
      // uncorrelated set: the planner starts from those few refs instead of testing every entity.
      if (answeredByRefs(node)) {
        return `e.entity_ref IN (${refSet(node, params)})`;
      }
      return combine(
        node.type,
        node.children.map((child) => compileNode(child, params)),
      );
    case 'all':
      return combine(
        node.type,
        node.children.map((child) => compileNode(child, params)),
      );
    case 'not':
      return `NOT (${compileNode(node.child, params)})`;
    case 'value':
      return (
        'EXISTS (SELECT 1 FROM search s WHERE s.entity_id = e.id' +
        ` AND ${matchKey('s.key', node.key, node.match, params)} AND ${matchValue('s.value', node.match, params)})`
      );
    case 'relation':
      // Uncorrelated, so that it is a semi-join or a hashed set whatever it is combined with.
      return `e.entity_ref IN (${refSet(node, params)})`;
    case 'ref':
      // The entity's own ref: a test on the row itself, no search rows needed.
      return matchValue('e.entity_ref', node.match, params);
    case 'element':
      return (
        `EXISTS (SELECT 1 FROM search_elements m WHERE m.entity_id = e.id AND m.key = ''` +
        ` AND m.value = ${params.add(node.key)} AND ${compileElementNode(node.predicate, params)})`
      );
  }
}

/**
 * Entities with a value at one of `keys` that contains `text`: a walk of the
 * keys' search rows, uncorrelated so it runs once whatever else the query
 * tests. `metadata.ref` tests the entity's ref, `relations.<type>` the
 * targets of its relations of that type, as in predicates.
 */
function containsCondition(contains: { text: string; keys: string[] }, params: SqlParameters): string {
  const pattern = params.add(`%${escapeLike(contains.text)}%`);
  const parts: string[] = [];
  const searchKeys: string[] = [];
  for (const key of contains.keys) {
    if (key === ENTITY_REF_KEY) {
      parts.push(`e.entity_ref LIKE ${pattern}`);
    } else if (key.startsWith('relations.')) {
      parts.push(
        `e.entity_ref IN (SELECT r.source_ref FROM relations r WHERE lower(r.type) = ${params.add(key.slice('relations.'.length))}` +
          ` AND r.target_ref LIKE ${pattern})`,
      );
    } else {
      searchKeys.push(key);
    }
  }
  if (searchKeys.length > 0) {
    parts.push(
      `e.id IN (SELECT c.entity_id FROM search c WHERE c.key = ANY(${params.add(searchKeys)}::text[])` +
        ` AND c.value LIKE ${pattern})`,
    );
  }
  return parts.map((part) => `(${part})`).join(' OR ');
}

/** Renders a filter as a condition on the `entities` table aliased `e` ('true' when there is none). */
export function compilePostgresFilter(filter: EntityFilter, params: SqlParameters): string {
  const parts: string[] = [];
  if (filter.condition) {
    parts.push(compileNode(filter.condition, params));
  }
  if (filter.words && filter.words.length > 0) {
    parts.push(
      'e.id IN (SELECT t.entity_id FROM entity_text t' +
        ` WHERE t.document @@ to_tsquery('simple', ${params.add(toTsQuery(filter.words))}))`,
    );
  }
  if (filter.contains) {
    parts.push(containsCondition(filter.contains, params));
  }
  return parts.length === 0 ? 'true' : parts.map((part) => `(${part})`).join(' AND ');
}
