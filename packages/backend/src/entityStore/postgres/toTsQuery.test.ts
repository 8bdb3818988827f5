import { toTsQuery } from './toTsQuery';

describe('toTsQuery', () => {
  it('joins words with & and prefix-matches the last one', () => {
    expect(toTsQuery(['checkout', 'serv'])).toBe('checkout & serv:*');
  });

  it('restricts every word to the given weights', () => {
    expect(toTsQuery(['checkout', 'serv'], 'BC')).toBe('checkout:BC & serv:*BC');
  });
});
