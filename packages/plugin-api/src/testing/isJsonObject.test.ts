import { isJsonObject } from './isJsonObject';

describe('isJsonObject', () => {
  it('accepts plain objects and rejects null, arrays and primitives', () => {
    expect(isJsonObject({})).toBe(true);
    expect([null, [], 'x', 1, true, undefined].map(isJsonObject)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
