import { createOwnershipCache } from './createOwnershipCache';

describe('createOwnershipCache', () => {
  it('reads ownership once per user within the lifetime, and again after it', async () => {
    let nowMs = 0;
    let reads = 0;
    const ownershipOf = createOwnershipCache({
      ownershipOf: async (ref) => {
        reads++;
        return [ref, `group:default/team-${reads}`];
      },
      ttlMs: 1000,
      now: () => nowMs,
    });

    expect(await ownershipOf('user:default/Jane')).toEqual(['user:default/jane', 'group:default/team-1']);
    expect(await ownershipOf('user:default/jane')).toEqual(['user:default/jane', 'group:default/team-1']);
    nowMs = 1000;
    expect(await ownershipOf('user:default/jane')).toEqual(['user:default/jane', 'group:default/team-2']);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const ownershipOf = createOwnershipCache({
      ownershipOf: async (ref) => {
        if (fail) {
          throw new Error('database down');
        }
        return [ref];
      },
      ttlMs: 1000,
    });

    await expect(ownershipOf('user:default/jane')).rejects.toThrow('database down');
    fail = false;
    await expect(ownershipOf('user:default/jane')).resolves.toEqual(['user:default/jane']);
  });
});
