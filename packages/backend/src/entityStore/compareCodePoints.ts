/**
 * Compares two strings by Unicode code point, which is the byte order of their
 * UTF-8 form: the order SQLite (BINARY) and PostgreSQL (`COLLATE "C"`) use.
 * Plain `<` compares UTF-16 units and differs for characters beyond U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const surrogateX = x >= 0xd800 && x <= 0xdfff;
      const surrogateY = y >= 0xd800 && y <= 0xdfff;
      if (surrogateX !== surrogateY) {
        // A surrogate starts a code point above U+FFFF, which sorts after every BMP character.
        return surrogateX ? 1 : -1;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}
