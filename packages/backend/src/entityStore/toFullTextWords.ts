const separators = /[^\p{L}\p{N}]+/u;

/**
 * Splits text into lowercase words of letters and digits. Both the indexed
 * text and the search term go through here, so SQLite FTS5 and PostgreSQL's
 * text parser see the same words (PostgreSQL would otherwise keep e-mail
 * addresses, URLs and hyphenated words whole).
 */
export function toFullTextWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(separators)
    .filter((word) => word.length > 0);
}
