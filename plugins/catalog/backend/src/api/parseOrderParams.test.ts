import { parseOrderFieldParams, parseOrderParams } from './parseOrderParams';

describe('parseOrderParams', () => {
  it('reads <order>:<field> and keeps the first, which is the one the store can apply', () => {
    expect(parseOrderParams(['desc:metadata.name', 'asc:kind'])).toEqual([
      { field: 'metadata.name', order: 'desc' },
    ]);
    expect(parseOrderParams([])).toBeUndefined();
  });

  it('refuses anything else with the Backstage message', () => {
    for (const bad of ['metadata.name', 'up:metadata.name', 'asc:']) {
      expect(() => parseOrderParams([bad])).toThrow(
        `Invalid order parameter "${bad}", expected "<asc or desc>:<field name>"`,
      );
    }
  });
});

describe('parseOrderFieldParams', () => {
  it('reads <field>,<order>, defaulting to ascending', () => {
    expect(parseOrderFieldParams(['metadata.name,desc', 'kind,asc'])).toEqual([
      { field: 'metadata.name', order: 'desc' },
    ]);
    expect(parseOrderFieldParams(['metadata.name'])).toEqual([{ field: 'metadata.name', order: 'asc' }]);
  });

  it('refuses a bad direction or extra parts', () => {
    expect(() => parseOrderFieldParams(['metadata.name,up'])).toThrow(
      /Invalid orderField "metadata.name,up"/,
    );
    expect(() => parseOrderFieldParams(['a,asc,b'])).toThrow(/Invalid orderField/);
  });
});
