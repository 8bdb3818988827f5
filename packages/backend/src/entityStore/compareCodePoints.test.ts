import { compareCodePoints } from './compareCodePoints';

describe('compareCodePoints', () => {
  it('orders ASCII like plain comparison', () => {
    expect(['b', 'a', 'ab', ''].sort(compareCodePoints)).toEqual(['', 'a', 'ab', 'b']);
  });

  it('puts characters beyond U+FFFF after the rest of the BMP, as UTF-8 bytes do', () => {
    const emoji = '\u{1F600}';
    const privateUse = '\uE000';
    expect(compareCodePoints(emoji, privateUse)).toBeGreaterThan(0);
    expect(Buffer.compare(Buffer.from(emoji), Buffer.from(privateUse))).toBeGreaterThan(0);
  });
});
