import { InputError } from '../common/errors/InputError';
import { cursorCodec } from './cursorCodec';

describe('cursorCodec', () => {
  it('round-trips cursor state through an opaque URL-safe string', () => {
    const cursor = cursorCodec.encode({ after: 'component:default/a?b=c/d' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursorCodec.decode(cursor)).toEqual({ after: 'component:default/a?b=c/d' });
  });

  it('refuses a string that does not decode with an InputError', () => {
    expect(() => cursorCodec.decode('%%%')).toThrow(InputError);
  });
});
