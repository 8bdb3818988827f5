/**
 * A PostgreSQL full-text query matching every word, the last as a prefix,
 * optionally only in fields of the given weights (e.g. `BC`). Words hold only letters and digits.
 */
export function toTsQuery(words: readonly string[], weights = ''): string {
  return words
    .map((word, i) =>
      i === words.length - 1 ? `${word}:*${weights}` : weights ? `${word}:${weights}` : word,
    )
    .join(' & ');
}
