/** What a piece of GraphQL SDL is, for highlighting. */
export type GraphqlTokenKind =
  | 'whitespace'
  | 'comment'
  | 'string'
  | 'keyword'
  | 'name'
  | 'type'
  | 'directive'
  | 'variable'
  | 'number'
  | 'punctuation';

/** One token, with its offsets in the source. */
export interface GraphqlToken {
  kind: GraphqlTokenKind;
  text: string;
  start: number;
}

const keywords = new Set([
  'type',
  'input',
  'enum',
  'interface',
  'union',
  'scalar',
  'schema',
  'directive',
  'extend',
  'implements',
  'repeatable',
  'on',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'true',
  'false',
  'null',
]);

const patterns: Array<[GraphqlTokenKind, RegExp]> = [
  ['whitespace', /[\s,\uFEFF]+/y],
  ['comment', /#[^\n\r]*/y],
  ['string', /"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"?/y],
  ['directive', /@[_A-Za-z][_0-9A-Za-z]*/y],
  ['variable', /\$[_A-Za-z][_0-9A-Za-z]*/y],
  ['number', /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y],
  ['name', /[_A-Za-z][_0-9A-Za-z]*/y],
  ['punctuation', /\.\.\.|[!():=[\]{}|&]/y],
];

/**
 * Splits GraphQL SDL into tokens for highlighting; the texts joined give the
 * source back exactly. A name right after `:` (or in a list type) is a type;
 * a name the SDL reserves is a keyword. Anything unexpected becomes a
 * one-character punctuation token, so malformed SDL still shows.
 *
 * @example
 * tokenizeGraphql('type Query { me: User }').map((t) => t.kind)
 */
export function tokenizeGraphql(source: string): GraphqlToken[] {
  const tokens: GraphqlToken[] = [];
  let expectType = false;
  let position = 0;
  while (position < source.length) {
    let matched: GraphqlToken | undefined;
    for (const [kind, pattern] of patterns) {
      pattern.lastIndex = position;
      const match = pattern.exec(source);
      if (match && match[0].length > 0) {
        matched = { kind, text: match[0], start: position };
        break;
      }
    }
    const token = matched ?? { kind: 'punctuation', text: source.charAt(position), start: position };
    if (token.kind === 'name') {
      token.kind = expectType ? 'type' : keywords.has(token.text) ? 'keyword' : 'name';
    }
    if (token.kind !== 'whitespace' && token.kind !== 'comment') {
      expectType = token.text === ':' || token.text === '[' || (expectType && token.text === '!');
      if (token.kind === 'type') {
        expectType = false;
      }
    }
    tokens.push(token);
    position += token.text.length;
  }
  // A reserved word used as a field or argument name (`query: String`) is a name there.
  const significant = tokens.filter((t) => t.kind !== 'whitespace' && t.kind !== 'comment');
  significant.forEach((token, index) => {
    const next = significant[index + 1]?.text;
    if (token.kind === 'keyword' && (next === ':' || next === '(')) {
      token.kind = 'name';
    }
  });
  return tokens;
}
