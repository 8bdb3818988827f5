import { InputError } from '../common/errors/InputError';

/**
 * Turns cursor state into an opaque string and back; a string that does not
 * decode is an `InputError`.
 *
 * @example
 * cursorCodec.decode(cursorCodec.encode({ after: 'component:default/a' })); // { after: 'component:default/a' }
 */
export const cursorCodec = {
  encode(state: unknown): string {
    return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
  },
  decode(cursor: string): unknown {
    try {
      return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch (error) {
      throw new InputError(`Malformed cursor '${cursor}'`, { cause: error });
    }
  },
};
