import { compileFieldsKeyset } from './compileFieldsKeyset';

function compile(values: Array<string | null>, backwards: boolean) {
  const bound: string[] = [];
  const sql = compileFieldsKeyset(
    ['a', 'b'],
    [
      { key: 'spec.type', descending: false },
      { key: 'metadata.title', descending: true },
    ],
    'ref',
    { values, ref: 'r' },
    backwards,
    (value) => {
      bound.push(value);
      return `$${bound.length}`;
    },
  );
  return { sql, bound };
}

describe('compileFieldsKeyset', () => {
  it('goes past the value in each field’s direction, lacking values last, then by ref', () => {
    expect(compile(['x', 'y'], false)).toEqual({
      sql: '((a IS NULL OR a > $1) OR (a = $2 AND ((b IS NULL OR b < $3) OR (b = $4 AND ref > $5))))',
      bound: ['x', 'x', 'y', 'y', 'r'],
    });
  });

  it('walks back towards the values, and from a lacking value to those having one', () => {
    expect(compile([null, 'y'], true)).toEqual({
      sql: '(a IS NOT NULL OR (a IS NULL AND (b > $1 OR (b = $2 AND ref < $3))))',
      bound: ['y', 'y', 'r'],
    });
    expect(compile(['x', null], false)).toEqual({
      sql: '((a IS NULL OR a > $1) OR (a = $2 AND (FALSE OR (b IS NULL AND ref > $3))))',
      bound: ['x', 'x', 'r'],
    });
  });
});
