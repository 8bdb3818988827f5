import Ajv from 'ajv';
import { describeSchemaErrors } from './describeSchemaErrors';

function problemsOf(schema: object, document: unknown, kind?: string) {
  const validate = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(schema);
  validate(document);
  return describeSchemaErrors(validate.errors ?? [], document, kind);
}

describe('describeSchemaErrors', () => {
  it("lets a combinator's errorMessage speak for its branches", () => {
    const schema = {
      properties: {
        p: { anyOf: [{ type: 'object' }, { type: 'array' }], errorMessage: 'must be an object or a list' },
      },
    };
    expect(problemsOf(schema, { p: 3 })).toEqual([
      { path: 'p', message: 'must be an object or a list (found 3)' },
    ]);
  });

  it('lets the branches speak when the combinator has no errorMessage', () => {
    const schema = { properties: { p: { oneOf: [{ type: 'string' }, { type: 'integer' }] } } };
    expect(problemsOf(schema, { p: true })).toEqual([
      { path: 'p', message: 'must be string (found true)' },
      { path: 'p', message: 'must be integer (found true)' },
    ]);
  });

  it('reports the same rule broken twice on one field once', () => {
    const schema = {
      properties: { n: { type: 'string', maxLength: 2, pattern: '^a+$', errorMessage: 'must be a few a' } },
    };
    expect(problemsOf(schema, { n: 'bbb' })).toEqual([
      { path: 'n', message: 'must be a few a (found "bbb")' },
    ]);
  });

  it('names the kind only for required fields directly under spec', () => {
    const schema = {
      properties: { spec: { required: ['owner'], properties: { links: { items: { required: ['url'] } } } } },
    };
    expect(problemsOf(schema, { spec: { links: [{}] } }, 'Component')).toEqual([
      { path: 'spec.owner', message: "must have required property 'owner' (Component requires spec.owner)" },
      { path: 'spec.links[0].url', message: "must have required property 'url'" },
    ]);
  });
});
