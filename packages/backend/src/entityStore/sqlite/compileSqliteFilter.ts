import { answeredByRefs } from '../answeredByRefs';
import type { EntityFilter } from '../EntityStorage';
import { ENTITY_REF_KEY, type PredicateNode, type ValueMatch } from '../parseEntityPredicate';
import { relationsBothWays, relationsBothWaysParams } from './relationsBothWays';
import {
  elementPathTerm,
  elementRowidFactor,
  escapeTermText,
  everyTerm,
  inverseTypeTerm,
  noTerm,
  relationTargetTerm,
  termSeparator,
  unescapeTermSql,
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

/**
 * Rows of relations an entity made of this type whose target matches (`in`
 * or `prefix`), selecting `column`: the entity's target terms find candidates.
 */
function ownRelationRows(
  column: string,
  relationType: string,
  match: Exclude<ValueMatch, { op: 'exists' }>,
): SqlFragment {
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
      `SELECT ${column} FROM relations r` +
      ' WHERE r.originator_id IN (SELECT rowid FROM entity_search WHERE entity_search MATCH ?)' +
      ` AND lower(r.type) = ? AND ${target.sql}`,
    params: [candidates, relationType, ...target.params],
  };
}

/** The entity made a relation of this type whose target matches. */
function ownRelation(relationType: string, match: ValueMatch): SqlFragment {
  if (match.op === 'exists') {
    return {
      sql: 'EXISTS (SELECT 1 FROM relations r WHERE r.originator_id = e.id AND lower(r.type) = ?)',
      params: [relationType],
    };
  }
  const rows = ownRelationRows('r.originator_id', relationType, match);
  return { sql: `e.id IN (${rows.sql})`, params: rows.params };
}

/** Refs of the entities that made a relation of this type whose target matches. */
function ownRelationRefs(relationType: string, match: ValueMatch): SqlFragment {
  if (match.op === 'exists') {
    return {
      sql: 'SELECT r.source_ref FROM relations r WHERE lower(r.type) = ?',
      params: [relationType],
    };
  }
  return ownRelationRows('r.source_ref', relationType, match);
}

/** Refs of entities that another entity's relation, whose inverse has this type and a matching ref, points at. */
function inverseRelationRefs(relationType: string, match: ValueMatch): SqlFragment {
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
      'SELECT r.target_ref FROM relations r' +
      ` WHERE r.originator_id IN (${originators.sql}) AND lower(r.inverse_type) = ?`,
    params: [...originators.params, relationType],
  };
}

/** Another entity made a relation whose inverse has this type and points here; its ref matches. */
function inverseRelation(relationType: string, match: ValueMatch): SqlFragment {
  const refs = inverseRelationRefs(relationType, match);
  return { sql: `e.entity_ref IN (${refs.sql})`, params: refs.params };
}

function relationCondition(relationType: string, match: ValueMatch): SqlFragment {
  const own = ownRelation(relationType, match);
  const inverse = inverseRelation(relationType, match);
  return { sql: `(${own.sql}) OR (${inverse.sql})`, params: [...own.params, ...inverse.params] };
}

/** A query of the refs of the entities matching a node that {@link answeredByRefs}. */
function refSet(node: PredicateNode): SqlFragment {
  const union = (parts: SqlFragment[]): SqlFragment => ({
    sql: parts.map((part) => part.sql).join(' UNION ALL '),
    params: parts.flatMap((part) => part.params),
  });
  switch (node.type) {
    case 'relation':
      return union([
        ownRelationRefs(node.relationType, node.match),
        inverseRelationRefs(node.relationType, node.match),
      ]);
    case 'ref':
      if (node.match.op === 'in') {
        return { sql: 'SELECT value FROM json_each(?)', params: [JSON.stringify(node.match.values)] };
      }
      if (node.match.op === 'prefix') {
        const range = prefixRange('entity_ref', node.match.prefix);
        return { sql: `SELECT entity_ref FROM entities WHERE ${range.sql}`, params: range.params };
      }
      break;
    case 'any':
      return union(node.children.map(refSet));
  }
  throw new Error(`A '${node.type}' predicate is not answered by refs`);
}

/** The entity's own ref, from the unique index on the entities table. */
function refCondition(match: ValueMatch): SqlFragment {
  switch (match.op) {
    case 'in':
      return {
        sql: 'e.entity_ref IN (SELECT value FROM json_each(?))',
        params: [JSON.stringify(match.values)],
      };
    case 'prefix':
      return prefixRange('e.entity_ref', match.prefix);
    case 'exists':
      return { sql: '1', params: [] };
  }
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
      if (node.type === 'any' && answeredByRefs(node)) {
        // "Related to any of these, or one of these" (what an ownership restriction says) as one
        // set of refs: SQLite starts from those few refs instead of testing every entity.
        const refs = refSet(node);
        return { sql: `e.entity_ref IN (${refs.sql})`, params: refs.params };
      }
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
        // Beside a set of refs from listed values (a restriction to what someone owns), the unary +
        // keeps SQLite from walking both lists through the ref index, every ref with every id.
        const refDriven =
          node.type === 'all' &&
          node.children.some((child) => child.type !== 'relation' && answeredByRefs(child));
        fragments.unshift({
          sql: refDriven ? `+${searchMatch}` : searchMatch,
          params: [combine(node.type, expressions)],
        });
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
    case 'ref':
      return refCondition(node.match);
    case 'element':
      return {
        sql: `e.id IN (SELECT rowid / ${elementRowidFactor} FROM element_search WHERE element_search MATCH ?)`,
        params: [
          `${quote(elementPathTerm + escapeTermText(node.key))} AND (${toMatchExpression(node.predicate)})`,
        ],
      };
  }
}

/**
 * Entities with a value at one of `keys` that contains `text`. Search keys
 * walk their terms: escaped text is searched as is when the term has no
 * escapes, and unescaped otherwise, where `!20` or `~0` would blur what it
 * contains. `metadata.ref` tests the entity's ref, `relations.<type>` the
 * targets of its relations of that type, as in predicates.
 */
function containsCondition(contains: { text: string; keys: string[] }): SqlFragment {
  const escapedText = escapeTermText(contains.text);
  const value = 'substr(i.term, ?)';
  const walk =
    'SELECT i.doc FROM entity_search_instances i WHERE i.term >= ? AND i.term < ?' +
    ` AND instr(${value}, ?) > 0 AND (instr(${value}, '!') = 0 AND instr(${value}, '~') = 0` +
    ` OR instr(${unescapeTermSql(value)}, ?) > 0)`;
  const fragments: SqlFragment[] = [];
  const searchKeys: string[] = [];
  for (const key of contains.keys) {
    if (key === ENTITY_REF_KEY) {
      fragments.push({ sql: 'instr(e.entity_ref, ?) > 0', params: [contains.text] });
    } else if (key.startsWith('relations.')) {
      fragments.push({
        sql: `e.entity_ref IN (SELECT r.source_ref FROM (${relationsBothWays}) r WHERE instr(r.target_ref, ?) > 0)`,
        params: [...relationsBothWaysParams(key), contains.text],
      });
    } else {
      searchKeys.push(key);
    }
  }
  if (searchKeys.length > 0) {
    fragments.push({
      sql: `e.id IN (${searchKeys.map(() => walk).join(' UNION ')})`,
      params: searchKeys.flatMap((key) => {
        const escapedKey = escapeTermText(key);
        const prefix = escapedKey + termSeparator.primary;
        // substr counts characters: as many as the prefix has code points.
        const start = [...prefix].length + 1;
        return [
          prefix,
          escapedKey + termSeparator.bare,
          start,
          escapedText,
          start,
          start,
          start,
          contains.text,
        ];
      }),
    });
  }
  return {
    sql: fragments.map((fragment) => `(${fragment.sql})`).join(' OR '),
    params: fragments.flatMap((fragment) => fragment.params),
  };
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
  if (filter.contains) {
    fragments.push(containsCondition(filter.contains));
  }
  if (fragments.length === 0) {
    return { sql: '1', params: [] };
  }
  return {
    sql: fragments.map((f) => `(${f.sql})`).join(' AND '),
    params: fragments.flatMap((f) => f.params),
  };
}
