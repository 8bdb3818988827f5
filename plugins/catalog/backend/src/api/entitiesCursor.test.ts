import { decodeEntitiesCursor, encodeEntitiesCursor } from './entitiesCursor';

describe('entitiesCursor', () => {
  it('round-trips, and only a predicate cursor has the query key the client looks for', () => {
    const plain = encodeEntitiesCursor({ storeCursor: 'abc' });
    const withQuery = encodeEntitiesCursor({ storeCursor: 'abc', query: { kind: 'api' } });
    expect('query' in JSON.parse(atob(plain))).toBe(false);
    expect(JSON.parse(atob(withQuery)).query).toEqual({ kind: 'api' });
    expect(decodeEntitiesCursor(plain)).toEqual({ storeCursor: 'abc' });
    expect(decodeEntitiesCursor(withQuery)).toEqual({ storeCursor: 'abc', query: { kind: 'api' } });
  });

  it('refuses what it did not make as a malformed cursor', () => {
    expect(() => decodeEntitiesCursor('%%%')).toThrow(/^Malformed cursor: /);
    expect(() => decodeEntitiesCursor(btoa('{"orderFields":[]}'))).toThrow(
      'Malformed cursor: it was not made by this catalog',
    );
  });
});
