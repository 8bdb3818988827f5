import { indexFields } from './indexFields';

describe('indexFields', () => {
  it('lowercases paths and values and keeps the original value', () => {
    expect(indexFields({ Kind: 'Component' })).toEqual(
      new Map([['kind', [{ value: 'component', original: 'Component' }]]]),
    );
  });

  it('repeats array paths per element and indexes string elements as keys', () => {
    const index = indexFields({ tags: ['Java', 'go'], links: [{ url: 'a' }, { url: 'b' }] });
    expect(index.get('tags')?.map((entry) => entry.value)).toEqual(['java', 'go']);
    expect(index.get('tags.java')).toEqual([{ value: 'true', original: 'true' }]);
    expect(index.get('links.url')?.map((entry) => entry.value)).toEqual(['a', 'b']);
  });

  it('indexes numbers and booleans as text and null as a path without a value', () => {
    const index = indexFields({ replicas: 3, public: false, owner: null });
    expect(index.get('replicas')?.[0]?.value).toBe('3');
    expect(index.get('public')?.[0]?.value).toBe('false');
    expect(index.get('owner')).toEqual([]);
  });

  it('leaves out skipped paths and everything below them', () => {
    const index = indexFields({ status: { level: 'error' }, kind: 'x' }, { skip: new Set(['status']) });
    expect([...index.keys()]).toEqual(['kind']);
  });
});
