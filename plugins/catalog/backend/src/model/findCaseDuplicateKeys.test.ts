import { findCaseDuplicateKeys } from './findCaseDuplicateKeys';

describe('findCaseDuplicateKeys', () => {
  it('finds keys that differ only in case, also across array items', () => {
    expect(
      findCaseDuplicateKeys({
        spec: { ports: [{ name: 'a' }, { Name: 'b' }] },
        metadata: { labels: { a: '', A: '' } },
      }),
    ).toEqual([
      {
        path: 'spec.ports.Name',
        message:
          "duplicates key 'spec.ports.name' except for letter case; keys must differ by more than case",
      },
      {
        path: 'metadata.labels.A',
        message:
          "duplicates key 'metadata.labels.a' except for letter case; keys must differ by more than case",
      },
    ]);
  });

  it('reports two parents once, not each key below them', () => {
    const problems = findCaseDuplicateKeys({ spec: { owner: 'a', x: 1 }, Spec: { owner: 'b', x: 2 } });
    expect(problems.map((p) => p.path)).toEqual(['Spec']);
  });

  it('does not confuse dotted annotation keys with nesting', () => {
    expect(
      findCaseDuplicateKeys({ metadata: { annotations: { 'Backstage.io/x': '1', 'backstage.io/x': '2' } } }),
    ).toHaveLength(1);
    expect(
      findCaseDuplicateKeys({ metadata: { annotations: { 'backstage.io/x': '1', 'backstage.io/y': '2' } } }),
    ).toEqual([]);
  });
});
