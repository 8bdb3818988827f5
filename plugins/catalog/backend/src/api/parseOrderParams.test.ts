import { parseOrderFieldParams, parseOrderParams } from './parseOrderParams';

describe('parseOrderParams', () => {
  it('reads every <order>:<field> in turn', () => {
    expect(parseOrderParams(['desc:metadata.name', 'asc:kind'])).toEqual([
      { field: 'metadata.name', order: 'desc' },
      { field: 'kind', order: 'asc' },
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
  it('reads every <field>,<order> in turn, defaulting to ascending', () => {
    expect(parseOrderFieldParams(['metadata.name,desc', 'kind,asc', 'spec.type'])).toEqual([
      { field: 'metadata.name', order: 'desc' },
      { field: 'kind', order: 'asc' },
      { field: 'spec.type', order: 'asc' },
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
