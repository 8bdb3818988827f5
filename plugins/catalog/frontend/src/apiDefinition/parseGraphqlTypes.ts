import { type GraphqlToken, tokenizeGraphql } from './tokenizeGraphql';

/** One field (or enum value, or union member) of a GraphQL type. */
export interface GraphqlField {
  name: string;
  /** e.g. `search(query: String!): SearchResult!`; the bare value for enum values. */
  signature: string;
}

/** One definition of an SDL document. */
export interface GraphqlType {
  /** `type`, `input`, `enum`, `interface`, `union`, `scalar`, `directive` or `schema`. */
  kind: string;
  name: string;
  description?: string;
  fields: GraphqlField[];
}

const definitionKinds = new Set([
  'type',
  'input',
  'enum',
  'interface',
  'union',
  'scalar',
  'directive',
  'schema',
]);

const significant = (token: GraphqlToken) => token.kind !== 'whitespace' && token.kind !== 'comment';

function descriptionOf(token: GraphqlToken | undefined): string | undefined {
  if (token?.kind !== 'string') {
    return undefined;
  }
  const quotes = token.text.startsWith('"""') ? 3 : 1;
  const body = token.text.slice(quotes, token.text.length - quotes).trim();
  return body.replace(/\s*\n\s*/g, ' ') || undefined;
}

/**
 * Lists the definitions of a GraphQL SDL document — types, inputs, enums,
 * interfaces, unions, scalars, directives — each with its description and
 * its fields, enum values or union members. A lexical pass, not a validating
 * parser: good enough to read a schema, and it never throws.
 *
 * @example
 * parseGraphqlTypes('type Query { me: User }') // [{ kind: 'type', name: 'Query', fields: [{ name: 'me', signature: 'me: User' }] }]
 */
export function parseGraphqlTypes(source: string): GraphqlType[] {
  const tokens = tokenizeGraphql(source).filter(significant);
  const types: GraphqlType[] = [];
  let current: GraphqlType | undefined;
  let depth = 0;
  let parens = 0;
  let field: { name: string; start: number; end: number } | undefined;
  const closeField = () => {
    if (current && field) {
      current.fields.push({
        name: field.name,
        signature: source.slice(field.start, field.end).replace(/\s+/g, ' '),
      });
    }
    field = undefined;
  };
  tokens.forEach((token, index) => {
    const end = token.start + token.text.length;
    if (depth === 0 && token.kind === 'keyword' && definitionKinds.has(token.text)) {
      closeField();
      const previous = tokens[index - 1];
      const description = descriptionOf(previous?.text === 'extend' ? tokens[index - 2] : previous);
      const next = tokens[index + 1];
      const name = token.text === 'schema' ? 'schema' : (next?.text.replace(/^@/, '') ?? '');
      current = { kind: token.text, name, ...(description ? { description } : {}), fields: [] };
      types.push(current);
      return;
    }
    if (token.text === '{') {
      depth++;
      return;
    }
    if (token.text === '}') {
      closeField();
      depth = Math.max(0, depth - 1);
      return;
    }
    if (token.text === '(') {
      parens++;
    } else if (token.text === ')') {
      parens = Math.max(0, parens - 1);
    }
    const previousText = tokens[index - 1]?.text;
    if (depth === 0 && current?.kind === 'union' && (previousText === '=' || previousText === '|')) {
      current.fields.push({ name: token.text, signature: token.text });
      return;
    }
    if (token.kind === 'directive') {
      // A field's directives are annotations, not part of its signature.
      closeField();
      return;
    }
    if (depth !== 1 || !current) {
      return;
    }
    const startsField =
      parens === 0 &&
      (token.kind === 'name' || token.kind === 'keyword') &&
      (current.kind === 'enum' || tokens[index + 1]?.text === ':' || tokens[index + 1]?.text === '(');
    if (startsField && !(field && previousText === ':')) {
      closeField();
      field = { name: token.text, start: token.start, end };
      return;
    }
    if (field && token.kind !== 'string') {
      field.end = end;
    }
  });
  closeField();
  return types;
}
