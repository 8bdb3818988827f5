import { spliceRelations } from './spliceRelations';

describe('spliceRelations', () => {
  it('appends sorted, deduplicated relations without touching the rest of the text', () => {
    const text = '{"kind":"Component","metadata":{"name":"a","x":1.50}}';
    const spliced = spliceRelations(text, [
      { type: 'ownedBy', targetRef: 'group:default/b' },
      { type: 'dependsOn', targetRef: 'component:default/z' },
      { type: 'ownedBy', targetRef: 'group:default/a' },
      { type: 'ownedBy', targetRef: 'group:default/b' },
    ]);
    expect(spliced).toBe(
      '{"kind":"Component","metadata":{"name":"a","x":1.50},"relations":[' +
        '{"type":"dependsOn","targetRef":"component:default/z"},' +
        '{"type":"ownedBy","targetRef":"group:default/a"},' +
        '{"type":"ownedBy","targetRef":"group:default/b"}]}',
    );
  });

  it('writes an empty array when there are no relations', () => {
    expect(JSON.parse(spliceRelations('{"kind":"X"}', []))).toEqual({ kind: 'X', relations: [] });
  });
});
