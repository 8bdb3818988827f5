import { InputError } from '../errors/InputError';
import { ownedByPredicate } from './ownedByPredicate';

describe('ownedByPredicate', () => {
  it('matches an ownedBy relation to any of the refs, or the entity being one of them', () => {
    expect(ownedByPredicate(['user:default/ana', 'group:default/payments'])).toEqual({
      $any: [
        { 'relations.ownedBy': { $in: ['user:default/ana', 'group:default/payments'] } },
        { 'metadata.ref': { $in: ['user:default/ana', 'group:default/payments'] } },
      ],
    });
  });

  it('makes refs canonical and drops repeats', () => {
    expect(ownedByPredicate(['Group:Default/Payments', 'group:default/payments'])).toEqual({
      $any: [
        { 'relations.ownedBy': { $in: ['group:default/payments'] } },
        { 'metadata.ref': { $in: ['group:default/payments'] } },
      ],
    });
  });

  it('matches nothing for an empty list', () => {
    expect(ownedByPredicate([])).toEqual({
      $any: [{ 'relations.ownedBy': { $in: [] } }, { 'metadata.ref': { $in: [] } }],
    });
  });

  it('refuses a ref without a kind', () => {
    expect(() => ownedByPredicate(['payments'])).toThrow(InputError);
  });
});
