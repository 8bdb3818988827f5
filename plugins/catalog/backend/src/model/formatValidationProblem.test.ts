import { formatValidationProblem } from './formatValidationProblem';

describe('formatValidationProblem', () => {
  it('names the location, the one-based document number, the field and the rule on one line', () => {
    expect(
      formatValidationProblem({
        location: 'file:/x/catalog-info.yaml',
        documentIndex: 1,
        path: 'spec.owner',
        message: "must have required property 'owner' (Component requires spec.owner)",
      }),
    ).toBe(
      "file:/x/catalog-info.yaml document 2: spec.owner: must have required property 'owner' (Component requires spec.owner)",
    );
  });

  it('leaves out the document and the field when there are none', () => {
    expect(
      formatValidationProblem({ location: 'url:https://x/a.yaml', path: '', message: 'must be a mapping' }),
    ).toBe('url:https://x/a.yaml: must be a mapping');
  });
});
