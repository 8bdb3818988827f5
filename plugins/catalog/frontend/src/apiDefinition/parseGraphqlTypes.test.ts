import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGraphqlTypes } from './parseGraphqlTypes';

const storefront = readFileSync(join(__dirname, '../../../../../demo/apis/storefront.graphql'), 'utf8');

describe('parseGraphqlTypes', () => {
  it('lists the definitions of the demo storefront schema with their fields', () => {
    const types = parseGraphqlTypes(storefront);
    const query = types.find((t) => t.kind === 'type' && t.name === 'Query');
    expect(query?.fields.map((f) => f.name)).toEqual([
      'me',
      'product',
      'products',
      'categories',
      'search',
      'cart',
      'order',
    ]);
    expect(query?.fields.find((f) => f.name === 'search')?.signature).toBe(
      'search(query: String!, filters: [FacetFilter!], sort: SearchSort = RELEVANCE, page: Int = 1): SearchResult!',
    );
    expect(types.find((t) => t.name === 'DateTime')).toMatchObject({
      kind: 'scalar',
      description: 'An ISO 8601 date-time string.',
    });
    expect(types.find((t) => t.kind === 'schema')?.fields.map((f) => f.signature)).toEqual([
      'query: Query',
      'mutation: Mutation',
    ]);
  });

  it('reads enum values, union members, inputs and descriptions', () => {
    const types = parseGraphqlTypes(`
      "How results are ordered."
      enum Sort { RELEVANCE PRICE_ASC @deprecated(reason: "no") }
      union Result = Product | Category
      input Filter { "The facet." name: String! values: [String!]! = [] }
      type Mutation { add(id: ID!, qty: Int! = 1): Cart! @auth }
    `);
    expect(types).toEqual([
      {
        kind: 'enum',
        name: 'Sort',
        description: 'How results are ordered.',
        fields: [
          { name: 'RELEVANCE', signature: 'RELEVANCE' },
          { name: 'PRICE_ASC', signature: 'PRICE_ASC' },
        ],
      },
      {
        kind: 'union',
        name: 'Result',
        fields: [
          { name: 'Product', signature: 'Product' },
          { name: 'Category', signature: 'Category' },
        ],
      },
      {
        kind: 'input',
        name: 'Filter',
        fields: [
          { name: 'name', signature: 'name: String!' },
          { name: 'values', signature: 'values: [String!]! = []' },
        ],
      },
      {
        kind: 'type',
        name: 'Mutation',
        fields: [{ name: 'add', signature: 'add(id: ID!, qty: Int! = 1): Cart!' }],
      },
    ]);
  });

  it('never throws on malformed SDL', () => {
    expect(() => parseGraphqlTypes('type { : ( ] "unterminated')).not.toThrow();
  });
});
