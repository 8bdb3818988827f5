import type { EntityPredicate } from '@atrium/plugin-api';
import { InputError } from '@atrium/plugin-api';
import type { Location } from './Location';
import { matchesLocationPredicate } from './matchesLocationPredicate';

const location: Location = {
  id: 'b3c1',
  type: 'url',
  target: 'https://git.example/Acme/shop/catalog-info.yaml',
  entityRef: 'location:default/generated-abc',
};

describe('matchesLocationPredicate', () => {
  it.each([
    ['a value, case-insensitively', { type: 'URL' }, true],
    ['another value', { type: 'file' }, false],
    ['$in', { type: { $in: ['file', 'url'] } }, true],
    ['$hasPrefix', { target: { $hasPrefix: 'https://git.example/acme/' } }, true],
    ['$exists', { entityRef: { $exists: true } }, true],
    ['$all', { $all: [{ type: 'url' }, { id: 'b3c1' }] }, true],
    ['$any', { $any: [{ type: 'file' }, { id: 'nope' }] }, false],
    ['$not', { $not: { type: 'file' } }, true],
    ['an empty $any', { $any: [] }, false],
    ['several keys, all of which must match', { type: 'url', id: 'other' }, false],
  ] as Array<[string, EntityPredicate, boolean]>)('matches %s', (_name, predicate, expected) => {
    expect(matchesLocationPredicate(location, predicate)).toBe(expected);
  });

  it.each([
    ['an unknown field', { 'spec.target': 'x' }, /Unknown location field 'spec.target'/],
    ['an unknown matcher', { type: { $contains: 'u' } }, /Invalid matcher for location field 'type'/],
    ['an operator with a sibling key', { $not: { type: 'url' }, id: 'b3c1' }, /must be the only key/],
    ['a non-array $all', { $all: { type: 'url' } }, /Invalid query operator \$all/],
  ])('refuses %s with an InputError', (_name, predicate, message) => {
    expect(() => matchesLocationPredicate(location, predicate as never)).toThrow(InputError);
    expect(() => matchesLocationPredicate(location, predicate as never)).toThrow(message);
  });
});
