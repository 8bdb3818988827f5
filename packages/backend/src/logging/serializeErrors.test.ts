import { serializeErrors } from './serializeErrors';

describe('serializeErrors', () => {
  it('turns an error into a plain object with name, message, stack and own fields', () => {
    const error = Object.assign(new RangeError('too big'), { code: 'E_RANGE' });

    expect(serializeErrors(error)).toEqual({
      name: 'RangeError',
      message: 'too big',
      stack: error.stack,
      code: 'E_RANGE',
    });
  });

  it('follows causes, including ones that are not errors', () => {
    const error = new Error('outer', { cause: { reason: 'inner detail' } });

    expect(serializeErrors(error)).toEqual(expect.objectContaining({ cause: { reason: 'inner detail' } }));
  });

  it('marks a cycle instead of recursing forever, but keeps a value shared by two fields', () => {
    const error = new Error('loop') as Error & { self?: unknown };
    error.self = error;
    const shared = { id: 1 };

    expect(serializeErrors({ error, a: shared, b: shared })).toEqual({
      error: expect.objectContaining({ message: 'loop', self: '[Circular]' }),
      a: { id: 1 },
      b: { id: 1 },
    });
  });
});
