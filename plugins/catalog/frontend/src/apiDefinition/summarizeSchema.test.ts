import { summarizeSchema } from './summarizeSchema';

const doc = {
  components: {
    schemas: {
      Base: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      Node: {
        type: 'object',
        properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
      },
      Refund: { type: 'object', properties: { amount: { type: 'integer', minimum: 1 } } },
    },
  },
};

describe('summarizeSchema', () => {
  it('names an array by its item type and keeps the item schema to draw', () => {
    const summary = summarizeSchema(doc, { type: 'array', items: { $ref: '#/components/schemas/Refund' } });
    expect(summary.type).toBe('array of Refund');
    expect(summary.items).toEqual({ $ref: '#/components/schemas/Refund' });
  });

  it('merges allOf parts into one object with their required properties', () => {
    const summary = summarizeSchema(doc, {
      allOf: [
        { $ref: '#/components/schemas/Base' },
        { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
      ],
    });
    expect(summary.type).toBe('object');
    expect(summary.properties.map((p) => [p.name, p.required])).toEqual([
      ['id', true],
      ['kind', true],
    ]);
  });

  it('lists alternatives and constraints in words', () => {
    const summary = summarizeSchema(doc, {
      oneOf: [{ $ref: '#/components/schemas/Refund' }, { type: 'string', enum: ['a', 'b'] }],
      nullable: true,
    });
    expect(summary.type).toBe('one of Refund | string');
    expect(summary.constraints).toEqual(['nullable']);
    expect(
      summarizeSchema(doc, { type: 'string', enum: ['card', 'paypal'], format: 'x' }).constraints,
    ).toEqual(['format: x', 'one of: "card", "paypal"']);
  });

  it('follows a $ref and names it, without recursing into a schema that contains itself', () => {
    const summary = summarizeSchema(doc, { $ref: '#/components/schemas/Node' });
    expect(summary).toMatchObject({ refName: 'Node', type: 'object' });
    expect(summarizeSchema(doc, summary.properties[0]?.schema).type).toBe('array of Node');
  });
});
