import { tokenizeGraphql } from './tokenizeGraphql';

describe('tokenizeGraphql', () => {
  it('gives back the exact source when the token texts are joined', () => {
    const source = '# c\n"""doc"""\ntype Query { me(id: ID!, n: Int = 2): [User!]! @cached }\n';
    expect(
      tokenizeGraphql(source)
        .map((t) => t.text)
        .join(''),
    ).toBe(source);
  });

  it('treats a reserved word used as a field or argument name as a name', () => {
    const tokens = tokenizeGraphql('type Query { search(query: String!): Int }');
    expect(tokens.find((t) => t.text === 'query')?.kind).toBe('name');
    expect(tokens.find((t) => t.text === 'type')?.kind).toBe('keyword');
  });

  it('tells keywords, field names, types, directives and strings apart', () => {
    const kinds = Object.fromEntries(
      tokenizeGraphql('"d" type Query { me: [User!]! @auth }')
        .filter((t) => t.kind !== 'whitespace' && t.kind !== 'punctuation')
        .map((t) => [t.text, t.kind]),
    );
    expect(kinds).toEqual({
      '"d"': 'string',
      type: 'keyword',
      Query: 'name',
      me: 'name',
      User: 'type',
      '@auth': 'directive',
    });
  });
});
