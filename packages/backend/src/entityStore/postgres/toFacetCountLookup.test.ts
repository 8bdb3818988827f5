import type { EntityPredicate } from '@atrium/plugin-api';
import { parseEntityPredicate } from '../parseEntityPredicate';
import { toFacetCountLookup } from './toFacetCountLookup';

describe('toFacetCountLookup', () => {
  it('answers one kind, alone or with one equality on another key, with lowercase values', () => {
    expect(toFacetCountLookup(parseEntityPredicate({ kind: 'Component' }))).toEqual({ kind: 'component' });
    expect(
      toFacetCountLookup(
        parseEntityPredicate({ $all: [{ 'spec.lifecycle': { $in: ['Production'] } }, { kind: 'api' }] }),
      ),
    ).toEqual({ kind: 'api', equal: { key: 'spec.lifecycle', value: 'production' } });
  });

  it('leaves everything else to the search rows', () => {
    const others: EntityPredicate[] = [
      { 'spec.type': 'service' },
      { kind: { $in: ['component', 'api'] } },
      { kind: { $hasPrefix: 'comp' } },
      { $all: [{ kind: 'component' }, { kind: 'api' }] },
      { $all: [{ kind: 'component' }, { 'spec.type': 'service' }, { 'spec.lifecycle': 'production' }] },
      { $all: [{ kind: 'component' }, { 'spec.type': { $exists: true } }] },
      { $all: [{ kind: 'component' }, { 'relations.ownedBy': 'group:default/a' }] },
      { $any: [{ kind: 'component' }] },
      { $not: { kind: 'component' } },
    ];
    for (const predicate of others) {
      expect({ predicate, lookup: toFacetCountLookup(parseEntityPredicate(predicate)) }).toEqual({
        predicate,
        lookup: undefined,
      });
    }
  });
});
