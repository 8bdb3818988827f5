import { InputError } from '../common/errors/InputError';
import { createProjection } from './createProjection';

describe('createProjection', () => {
  const entity = {
    kind: 'Component',
    metadata: { name: 'payments', annotations: { 'github.com/project-slug': 'acme/payments' } },
  };

  it('keeps only the given paths, with keys as written', () => {
    expect(createProjection(['KIND', 'metadata.annotations.github.com/project-slug'])(entity)).toEqual({
      kind: 'Component',
      metadata: { annotations: { 'github.com/project-slug': 'acme/payments' } },
    });
  });

  it('merges overlapping paths and leaves out absent ones', () => {
    expect(createProjection(['metadata.name', 'metadata', 'spec.owner'])(entity)).toEqual({
      metadata: entity.metadata,
    });
  });

  it('refuses array indexes and empty fields with an InputError', () => {
    expect(() => createProjection(['metadata.tags[0]'])).toThrow(InputError);
    expect(() => createProjection([''])).toThrow(InputError);
  });
});
