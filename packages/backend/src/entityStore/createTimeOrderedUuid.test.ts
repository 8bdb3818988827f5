import { createTimeOrderedUuid } from './createTimeOrderedUuid';

describe('createTimeOrderedUuid', () => {
  it('makes a version 7 UUID with the RFC 4122 variant', () => {
    expect(createTimeOrderedUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('sorts uids made later after uids made earlier', () => {
    const earlier = createTimeOrderedUuid(1_700_000_000_000);
    const later = createTimeOrderedUuid(1_700_000_000_001);
    expect(earlier < later).toBe(true);
  });

  it('makes different uids within the same millisecond', () => {
    expect(createTimeOrderedUuid(5)).not.toBe(createTimeOrderedUuid(5));
  });
});
