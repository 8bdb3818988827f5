import { narrowFacetChoices } from './narrowFacetChoices';

const choices = [
  { value: 'b', label: 'beta', count: 3 },
  { value: 'group:default/a', label: 'alpha', detail: 'group:default/a', count: 3 },
  { value: 'c', label: 'gamma', count: 9 },
];

describe('narrowFacetChoices', () => {
  it('orders by count, most first, then by label', () => {
    expect(narrowFacetChoices(choices, '', 10).shown.map((c) => c.label)).toEqual(['gamma', 'alpha', 'beta']);
  });

  it('matches the label or the value anywhere, ignoring case and surrounding spaces', () => {
    expect(narrowFacetChoices(choices, ' AMM ', 10).shown.map((c) => c.label)).toEqual(['gamma']);
    expect(narrowFacetChoices(choices, 'default/', 10).shown.map((c) => c.label)).toEqual(['alpha']);
  });

  it('keeps at most `limit` choices and counts the rest', () => {
    expect(narrowFacetChoices(choices, '', 2)).toEqual({
      shown: [choices[2], choices[1]],
      hidden: 1,
    });
  });
});
