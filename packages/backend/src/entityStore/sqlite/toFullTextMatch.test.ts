import { toFullTextMatch } from './toFullTextMatch';

describe('toFullTextMatch', () => {
  it('quotes every word and prefix-matches the last one', () => {
    expect(toFullTextMatch(['checkout', 'serv'])).toBe('"checkout" "serv"*');
  });
});
