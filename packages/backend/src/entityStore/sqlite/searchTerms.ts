import { MAX_ELEMENT_DOCUMENTS, type SearchRow } from '../buildSearchRows';

/*
 * SQLite keeps the search index in an FTS5 table: each entity is one document
 * whose terms encode its search rows as `<key><separator><value>`. FTS5 is a
 * log-structured inverted index, so bulk writes append segments instead of
 * updating a B-tree at random pages, which is what makes 100,000 upserts fit
 * in seconds. The `ascii` tokenizer keeps every printable character but space
 * and `"` in a term; those and control characters are escaped with `!`, and
 * `~` and DEL with `~`, so that the encoding keeps byte order (terms sort like
 * the values they encode) and prefixes (a value prefix is a term prefix).
 */

/** Separators between the escaped key and the value. */
export const termSeparator = {
  /** The key's smallest value, the one the entity sorts by. */
  primary: '!00',
  /** Every other value of the key. */
  other: '!01',
  /** The key is present with a null or unindexed value. */
  bare: '!02',
  /** The original spelling of a value whose lowercase form differs. */
  original: '!03',
} as const;

/** A term every entity document has, to negate against. */
export const everyTerm = '!!';

/** A term no document has. */
export const noTerm = '!n';

/** Prefix of a term naming the target of a relation the entity made. */
export const relationTargetTerm = '!t!00';

/** Prefix of a term naming the inverse type of a relation the entity made. */
export const inverseTypeTerm = '!i!00';

/** Prefix of the term naming the array path of an element document. */
export const elementPathTerm = '!m!00';

/** Element documents have the rowid entity id × this + the element's number. */
export const elementRowidFactor = MAX_ELEMENT_DOCUMENTS;

function escapeCharacter(code: number): string {
  switch (code) {
    case 0x21:
      return '!y';
    case 0x22:
      return '!z';
    case 0x7e:
      return '~0';
    case 0x7f:
      return '~1';
    default:
      return `!${code.toString(16).padStart(2, '0')}`;
  }
}

/** The escape of each ASCII code point in a key or lowercase value; empty for those that stay. */
const orderedEscapes = Array.from({ length: 0x80 }, (_, code) =>
  code <= 0x22 || code === 0x7e || code === 0x7f ? escapeCharacter(code) : '',
);

/** The same for an original spelling, whose uppercase letters the tokenizer would fold. */
const originalEscapes = orderedEscapes.map((ordered, code) =>
  code >= 0x41 && code <= 0x5a ? escapeCharacter(code) : ordered,
);

function escapeWith(escapes: readonly string[], text: string): string {
  // A loop over code units rather than a replace with a callback: this runs for every search
  // term of every write, and most terms need no escape at all.
  let escaped = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 && escapes[code] !== '') {
      escaped += text.slice(from, i) + escapes[code];
      from = i + 1;
    }
  }
  return from === 0 ? text : escaped + text.slice(from);
}

/** Escapes a key or lowercase value so that it is one term and keeps its byte order. */
export function escapeTermText(text: string): string {
  return escapeWith(orderedEscapes, text);
}

/** Escapes an original spelling, uppercase letters included (the tokenizer would fold them). */
export function escapeOriginalText(text: string): string {
  return escapeWith(originalEscapes, text);
}

/** Reverses {@link escapeTermText} and {@link escapeOriginalText}. */
export function unescapeTermText(text: string): string {
  if (!text.includes('!') && !text.includes('~')) {
    return text;
  }
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (character === '!') {
      const next = text[i + 1];
      if (next === 'y' || next === 'z') {
        result += next === 'y' ? '!' : '"';
        i += 1;
      } else {
        result += String.fromCharCode(Number.parseInt(text.slice(i + 1, i + 3), 16));
        i += 2;
      }
    } else if (character === '~') {
      result += text[i + 1] === '0' ? '~' : '\u007f';
      i += 1;
    } else {
      result += character;
    }
  }
  return result;
}

/** Appends the terms that encode `rows` to `terms`. */
export function appendRowTerms(terms: string[], rows: readonly SearchRow[]): void {
  // Rows of one key come together: its escape is reused.
  let rowKey: string | undefined;
  let key = '';
  for (const row of rows) {
    if (row.key !== rowKey) {
      rowKey = row.key;
      key = escapeTermText(rowKey);
    }
    if (row.value === null) {
      terms.push(key + termSeparator.bare);
      continue;
    }
    terms.push(key + (row.primary ? termSeparator.primary : termSeparator.other) + escapeTermText(row.value));
    if (row.original !== null) {
      terms.push(key + termSeparator.original + escapeOriginalText(row.original));
    }
  }
}

/** The escapes of {@link escapeTermText} as `[escaped, character code]`, in an order that undoes them one by one. */
const termEscapes: ReadonlyArray<readonly [string, number]> = [
  ...Array.from({ length: 0x21 }, (_, code) => [`!${code.toString(16).padStart(2, '0')}`, code] as const),
  ['!z', 0x22],
  // `~1` before `~0`, and `!y` last: undoing `~0` or `!y` first would make new `~1` or `!xx` text.
  ['~1', 0x7f],
  ['~0', 0x7e],
  ['!y', 0x21],
];

/**
 * SQL that reverses {@link escapeTermText} on the text of `expression`, for
 * tests of what a value contains; ordering and equality work on escaped text.
 */
export function unescapeTermSql(expression: string): string {
  return termEscapes.reduce(
    (inner, [escaped, code]) => `replace(${inner}, '${escaped}', char(${code}))`,
    expression,
  );
}
