import { resolvePath } from './resolvePath';

describe('resolvePath', () => {
  const entity = {
    metadata: {
      name: 'payments',
      annotations: { 'backstage.io/techdocs-ref': 'dir:.', backstage: { io: 'nested' } },
      tags: ['java'],
    },
  };

  it('follows a dot path and reports the keys as written', () => {
    expect(resolvePath(entity, 'Metadata.NAME')).toEqual({ keys: ['metadata', 'name'], value: 'payments' });
  });

  it('lets a key contain dots, trying the other readings when one leads nowhere', () => {
    expect(resolvePath(entity, 'metadata.annotations.backstage.io/techdocs-ref')?.value).toBe('dir:.');
    expect(resolvePath(entity, 'metadata.annotations.backstage.io')?.value).toBe('nested');
  });

  it('does not descend into arrays and finds nothing for an absent or empty path', () => {
    expect(resolvePath(entity, 'metadata.tags.0')).toBeUndefined();
    expect(resolvePath(entity, 'spec.owner')).toBeUndefined();
    expect(resolvePath(entity, '')).toBeUndefined();
  });
});
