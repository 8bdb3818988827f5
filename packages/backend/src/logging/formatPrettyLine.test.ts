import { formatPrettyLine } from './formatPrettyLine';

describe('formatPrettyLine', () => {
  it('writes time, level, plugin and message first, then the other fields', () => {
    expect(
      formatPrettyLine({
        timestamp: '2025-01-01T00:00:00.000Z',
        level: 'info',
        message: 'Started',
        plugin: 'catalog',
        port: 7007,
        tags: ['a'],
        empty: '',
      }),
    ).toBe('2025-01-01T00:00:00.000Z info [catalog] Started port=7007 tags=["a"] empty=""');
  });

  it('prints the frames of an error and of its cause below the line', () => {
    const line = formatPrettyLine({
      timestamp: 't',
      level: 'error',
      message: 'Failed',
      error: {
        name: 'Error',
        message: 'outer',
        stack: 'Error: outer\n    at a (a.ts:1:1)',
        cause: { name: 'TypeError', message: 'inner', stack: 'TypeError: inner\n    at b (b.ts:2:2)' },
      },
    });

    expect(line.split('\n')).toEqual([
      't error Failed error="Error: outer"',
      '    at a (a.ts:1:1)',
      '  caused by TypeError: inner',
      '    at b (b.ts:2:2)',
    ]);
  });
});
