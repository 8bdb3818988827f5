import type { EntityFilter } from '../EntityStorage';
import type { PredicateNode, ValueMatch } from '../parseEntityPredicate';
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

function compileNode(node: PredicateNode, params: SqlParameters): string {
  switch (node.type) {
    case 'all':
    case 'any':
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
      return (
        'EXISTS (SELECT 1 FROM relations r WHERE r.source_ref = e.entity_ref' +
        ` AND lower(r.type) = ${params.add(node.relationType)} AND ${matchValue('r.target_ref', node.match, params)})`
      );
    case 'element':
      return (
        `EXISTS (SELECT 1 FROM search_elements m WHERE m.entity_id = e.id AND m.key = ''` +
        ` AND m.value = ${params.add(node.key)} AND ${compileElementNode(node.predicate, params)})`
      );
  }
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
  return parts.length === 0 ? 'true' : parts.map((part) => `(${part})`).join(' AND ');
}
