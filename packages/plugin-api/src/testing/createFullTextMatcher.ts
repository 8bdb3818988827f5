import type { Entity } from '../common/entity/Entity';

/** The fields full-text search looks at, and how much a hit in each counts. */
const WEIGHTED_FIELDS: ReadonlyArray<[read: (entity: Entity) => unknown, weight: number]> = [
  [(entity) => entity.metadata.name, 4],
  [(entity) => entity.metadata.title, 3],
  [(entity) => entity.metadata.tags, 2],
  [(entity) => entity.spec?.owner, 1],
  [(entity) => entity.metadata.description, 1],
];

/**
 * Returns a function ranking an entity against a full-text `term`, or
 * `undefined` when it does not match. The term and the fields (name, title,
 * tags, owner, description) are split into words case-insensitively; every
 * word of the term must equal a word of some field, except the last, which
 * only has to start one. The rank adds up, per term word, the weight of the
 * best field it hit. A blank term matches everything with rank 0.
 *
 * @example
 * createFullTextMatcher('payments ap')(entity); // e.g. 8 for name 'payments-api'
 */
export function createFullTextMatcher(term: string): (entity: Entity) => number | undefined {
  const words = toWords(term);
  return (entity) => {
    const fields = WEIGHTED_FIELDS.map(([read, weight]) => ({ words: toWords(read(entity)), weight }));
    let rank = 0;
    for (const [position, word] of words.entries()) {
      const isLast = position === words.length - 1;
      const hits = fields.filter((field) =>
        field.words.some((candidate) => (isLast ? candidate.startsWith(word) : candidate === word)),
      );
      if (hits.length === 0) {
        return undefined;
      }
      rank += Math.max(...hits.map((hit) => hit.weight));
    }
    return rank;
  };
}

function toWords(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(toWords);
  }
  if (typeof value !== 'string') {
    return [];
  }
  return value
    .toLocaleLowerCase('en-US')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}
