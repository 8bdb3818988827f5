import { InputError } from '@atrium/plugin-api';
import { serializeError } from './serializeError';

describe('serializeError', () => {
  it('keeps the name, message, code and the error own fields, but not the stack or status', () => {
    const error = Object.assign(new InputError('bad name', { cause: new Error('x') }), {
      path: '/metadata/name',
    });
    expect(serializeError(error)).toEqual({
      name: 'InputError',
      message: 'bad name',
      code: 'INPUT_ERROR',
      path: '/metadata/name',
    });
  });

  it('serializes a plain error', () => {
    expect(serializeError(new TypeError('nope'))).toEqual({ name: 'TypeError', message: 'nope' });
  });
});
