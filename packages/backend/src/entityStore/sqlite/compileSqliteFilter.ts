import type { EntityFilter } from '../EntityStorage';
import type { PredicateNode, ValueMatch } from '../parseEntityPredicate';
import {
  elementPathTerm,
  elementRowidFactor,
  escapeTermText,
  everyTerm,
  inverseTypeTerm,
  noTerm,
  relationTargetTerm,
  termSeparator,
} from './searchTerms';
import { toFullTextMatch } from './toFullTextMatch';

/** A piece of SQL with its positional parameters. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** The largest code point: a string starting with a prefix sorts below the prefix followed by it. */
const highestCharacter = '\u{10FFFF}';

const quote = (term: string) => `"${term}"`;

const searchMatch = 'e.id IN (SELECT rowid FROM entity_search WHERE entity_search MATCH ?)';

function valueExpression(key: string, match: ValueMatch): string {
  const escapedKey = escapeTermText(key);
  const primary = escapedKey + termSeparator.primary;
  const other = escapedKey + termSeparator.other;
  switch (match.op) {
    case 'in':
      if (match.values.length === 0) {
        return quote(noTerm);
      }
      return match.values
        .map((value) => {
          const escaped = escapeTermText(value);
          return `${quote(primary + escaped)} OR ${quote(other + escaped)}`;
        })
        .join(' OR ');
    case 'prefix': {
      const escaped = escapeTermText(match.prefix);
      return `${quote(primary + escaped)}* OR ${quote(other + escaped)}*`;
    }
    case 'exists':
      // Every separator starts with `!0`; `<key>.` finds keys below it, so objects exist too.
      return `${quote(`${escapedKey}!0`)}* OR ${quote(`${escapedKey}.`)}*`;
  }
}

function combine(type: 'all' | 'any', parts: string[]): string {
  if (parts.length === 0) {
    return quote(type === 'all' ? everyTerm : noTerm);
  }
  return parts.map((part) => `(${part})`).join(type === 'all' ? ' AND ' : ' OR ');
}

/**
 * Renders a predicate as one FTS5 query over the search terms, or returns
 * undefined when it tests relations or array elements, which need SQL.
 */
export function toMatchExpression(node: PredicateNode): string | undefined {
  switch (node.type) {
    case 'value':
      return valueExpression(node.key, node.match);
    case 'not': {
      const child = toMatchExpression(node.child);
      return child === undefined ? undefined : `${quote(everyTerm)} NOT (${child})`;
    }
    case 'all':
    case 'any': {
      const parts: string[] = [];
      for (const child of node.children) {
        const part = toMatchExpression(child);
        if (part === undefined) {
          return undefined;
        }
        parts.push(part);
      }
      return combine(node.type, parts);
    }
    default:
      return undefined;
  }
}

function prefixRange(column: string, prefix: string): SqlFragment {
  return { sql: `${column} >= ? AND ${column} < ?`, params: [prefix, prefix + highestCharacter] };
}

/** The entity made a relation of this type whose target matches: its target terms find candidates. */
function ownRelation(relationType: string, match: ValueMatch): SqlFragment {
  if (match.op === 'exists') {
    return {
      sql: 'EXISTS (SELECT 1 FROM relations r WHERE r.originator_id = e.id AND r.inverse = 0 AND lower(r.type) = ?)',
      params: [relationType],
    };
  }
  const candidates =
    match.op === 'in'
      ? match.values.length === 0
        ? quote(noTerm)
        : match.values.map((value) => quote(relationTargetTerm + escapeTermText(value))).join(' OR ')
      : `${quote(relationTargetTerm + escapeTermText(match.prefix))}*`;
  const target =
    match.op === 'in'
      ? { sql: 'r.target_ref IN (SELECT value FROM json_each(?))', params: [JSON.stringify(match.values)] }
      : prefixRange('r.target_ref', match.prefix);
  return {
    sql:
      'e.id IN (SELECT r.originator_id FROM relations r' +
      ' WHERE r.originator_id IN (SELECT rowid FROM entity_search WHERE entity_search MATCH ?)' +
      ` AND r.inverse = 0 AND lower(r.type) = ? AND ${target.sql})`,
    params: [candidates, relationType, ...target.params],
  };
}

/** Another entity made a relation whose inverse has this type and points here; its ref matches. */
function inverseRelation(relationType: string, match: ValueMatch): SqlFragment {
  let originators: SqlFragment;
  switch (match.op) {
    case 'in':
      originators = {
        sql: 'SELECT id FROM entities WHERE entity_ref IN (SELECT value FROM json_each(?))',
        params: [JSON.stringify(match.values)],
      };
      break;
    case 'prefix': {
      const range = prefixRange('entity_ref', match.prefix);
      originators = { sql: `SELECT id FROM entities WHERE ${range.sql}`, params: range.params };
      break;
    }
    case 'exists':
      originators = {
        sql: 'SELECT rowid FROM entity_search WHERE entity_search MATCH ?',
        params: [quote(inverseTypeTerm + escapeTermText(relationType))],
      };
      break;
  }
  return {
    sql:
      'e.entity_ref IN (SELECT r.source_ref FROM relations r' +
      ` WHERE r.originator_id IN (${originators.sql}) AND r.inverse = 1 AND lower(r.type) = ?)`,
    params: [...originators.params, relationType],
  };
}

function relationCondition(relationType: string, match: ValueMatch): SqlFragment {
  const own = ownRelation(relationType, match);
  const inverse = inverseRelation(relationType, match);
  return { sql: `(${own.sql}) OR (${inverse.sql})`, params: [...own.params, ...inverse.params] };
}

function compileNode(node: PredicateNode): SqlFragment {
  const expression = toMatchExpression(node);
  if (expression !== undefined) {
    return { sql: searchMatch, params: [expression] };
  }
  switch (node.type) {
    case 'value':
      return { sql: searchMatch, params: [valueExpression(node.key, node.match)] };
    case 'all':
    case 'any': {
      // Children FTS5 can answer go into one MATCH; the rest become SQL.
      const expressions: string[] = [];
      const fragments: SqlFragment[] = [];
      for (const child of node.children) {
        const childExpression = toMatchExpression(child);
        if (childExpression === undefined) {
          fragments.push(compileNode(child));
        } else {
          expressions.push(childExpression);
        }
      }
      if (expressions.length > 0) {
        fragments.unshift({ sql: searchMatch, params: [combine(node.type, expressions)] });
      }
      return {
        sql: fragments.map((f) => `(${f.sql})`).join(node.type === 'all' ? ' AND ' : ' OR '),
        params: fragments.flatMap((f) => f.params),
      };
    }
    case 'not': {
      const child = compileNode(node.child);
      return { sql: `NOT (${child.sql})`, params: child.params };
    }
    case 'relation':
      return relationCondition(node.relationType, node.match);
    case 'element':
      return {
        sql: `e.id IN (SELECT rowid / ${elementRowidFactor} FROM element_search WHERE element_search MATCH ?)`,
        params: [
          `${quote(elementPathTerm + escapeTermText(node.key))} AND (${toMatchExpression(node.predicate)})`,
        ],
      };
  }
}

/** Renders a filter as a condition on the `entities` table aliased `e` ('1' when there is none). */
export function compileSqliteFilter(filter: EntityFilter): SqlFragment {
  const fragments: SqlFragment[] = [];
  if (filter.condition) {
    fragments.push(compileNode(filter.condition));
  }
  if (filter.words && filter.words.length > 0) {
    fragments.push({
      sql: 'e.id IN (SELECT rowid FROM entity_text WHERE entity_text MATCH ?)',
      params: [toFullTextMatch(filter.words)],
    });
  }
  if (fragments.length === 0) {
    return { sql: '1', params: [] };
  }
  return {
    sql: fragments.map((f) => `(${f.sql})`).join(' AND '),
    params: fragments.flatMap((f) => f.params),
  };
}
