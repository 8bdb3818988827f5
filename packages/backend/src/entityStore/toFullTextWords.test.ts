import { toFullTextWords } from './toFullTextWords';

describe('toFullTextWords', () => {
  it('splits on everything but letters and digits and lowercases', () => {
    expect(toFullTextWords('Payments-Service v2: ops@acme.com, Ünïcode_ok')).toEqual([
      'payments',
      'service',
      'v2',
      'ops',
      'acme',
      'com',
      'ünïcode',
      'ok',
    ]);
  });

  it('returns no words for punctuation only', () => {
    expect(toFullTextWords(' -- ')).toEqual([]);
  });
});
