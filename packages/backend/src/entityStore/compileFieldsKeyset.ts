import type { FieldOrder, FieldsKey } from './EntityStorage';

/**
 * Renders "strictly after `after`" in a several-field order (see
 * `EntityStorage.scanByValues`) as SQL, or "strictly before" when walking
 * `backwards`. `columns` hold each entity's value per field, NULL when it
 * lacks one, and `refColumn` its ref, the final tie breaker. `bind` turns a
 * value into a placeholder; it is called in the order the placeholders appear.
 *
 * @example
 * compileFieldsKeyset(['s0.value'], [{ key: 'spec.type', descending: false }], 'e.entity_ref',
 *   { values: ['service'], ref: 'component:default/a' }, false, bind)
 * // ((s0.value IS NULL OR s0.value > $1) OR (s0.value = $2 AND e.entity_ref > $3))
 */
export function compileFieldsKeyset(
  columns: readonly string[],
  orders: readonly FieldOrder[],
  refColumn: string,
  after: FieldsKey,
  backwards: boolean,
  bind: (value: string) => string,
): string {
  const compile = (i: number): string => {
    const column = columns[i];
    const order = orders[i];
    if (column === undefined || order === undefined) {
      return `${refColumn} ${backwards ? '<' : '>'} ${bind(after.ref)}`;
    }
    const value = after.values[i] ?? null;
    // Entities lacking the field sort last whichever the direction.
    let beyond: string;
    if (value === null) {
      beyond = backwards ? `${column} IS NOT NULL` : 'FALSE';
    } else {
      const comparison = order.descending === backwards ? '>' : '<';
      beyond = backwards
        ? `${column} ${comparison} ${bind(value)}`
        : `(${column} IS NULL OR ${column} ${comparison} ${bind(value)})`;
    }
    const tie = value === null ? `${column} IS NULL` : `${column} = ${bind(value)}`;
    return `(${beyond} OR (${tie} AND ${compile(i + 1)}))`;
  };
  return compile(0);
}
