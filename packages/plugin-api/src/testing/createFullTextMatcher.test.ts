import type { Entity } from '../common/entity/Entity';
import { createFullTextMatcher } from './createFullTextMatcher';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', title: 'Payments', description: 'Charges cards', tags: ['java'] },
  spec: { owner: 'group:default/team-a' },
};

describe('createFullTextMatcher', () => {
  it('adds up the weight of the best field each word hits', () => {
    expect(createFullTextMatcher('payments')(entity)).toBe(4);
    expect(createFullTextMatcher('java')(entity)).toBe(2);
    expect(createFullTextMatcher('team')(entity)).toBe(1);
    expect(createFullTextMatcher('CHARGES Payments-A')(entity)).toBe(1 + 4 + 4);
  });

  it('matches only the last word by prefix', () => {
    expect(createFullTextMatcher('car')(entity)).toBe(1);
    expect(createFullTextMatcher('car charges')(entity)).toBeUndefined();
  });

  it('does not match when a word is found nowhere, and matches everything for a blank term', () => {
    expect(createFullTextMatcher('go')(entity)).toBeUndefined();
    expect(createFullTextMatcher('  ')(entity)).toBe(0);
  });
});
