import { describeError } from './describeError';

describe('describeError', () => {
  it('uses the message of an error', () => {
    expect(describeError(new Error('boom'))).toBe('boom');
  });

  it('falls back to the code when the message is empty', () => {
    expect(describeError(Object.assign(new Error(''), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
  });

  it('lists the inner errors of an AggregateError without a message', () => {
    const error = new AggregateError([
      new Error('connect ECONNREFUSED ::1:1'),
      new Error('connect ECONNREFUSED 127.0.0.1:1'),
    ]);
    expect(describeError(error)).toBe('connect ECONNREFUSED ::1:1; connect ECONNREFUSED 127.0.0.1:1');
  });

  it('turns anything else into text', () => {
    expect(describeError('plain')).toBe('plain');
  });
});
