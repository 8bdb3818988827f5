/** An FTS5 query matching every word, the last as a prefix (type-ahead). Words hold only letters and digits. */
export function toFullTextMatch(words: readonly string[]): string {
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
