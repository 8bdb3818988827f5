import { type EntityPredicate, InputError } from '@atrium/plugin-api';
import { parseEntityPredicate } from './parseEntityPredicate';

describe('parseEntityPredicate', () => {
  it('lowercases keys and values and joins several keys with $all', () => {
    expect(parseEntityPredicate({ Kind: 'Component', 'spec.replicas': 3 })).toEqual({
      type: 'all',
      children: [
        { type: 'value', key: 'kind', match: { op: 'in', values: ['component'] } },
        { type: 'value', key: 'spec.replicas', match: { op: 'in', values: ['3'] } },
      ],
    });
  });

  it('parses every operator', () => {
    expect(
      parseEntityPredicate({
        $any: [
          { 'metadata.tags': { $in: ['Java', true] } },
          { $not: { 'spec.owner': { $exists: true } } },
          { 'metadata.name': { $hasPrefix: 'Pay' } },
          { 'metadata.tags': { $contains: 'go' } },
          { 'metadata.links': { $contains: { type: 'Docs' } } },
          { 'spec.system': { $exists: false } },
        ],
      }),
    ).toEqual({
      type: 'any',
      children: [
        { type: 'value', key: 'metadata.tags', match: { op: 'in', values: ['java', 'true'] } },
        { type: 'not', child: { type: 'value', key: 'spec.owner', match: { op: 'exists' } } },
        { type: 'value', key: 'metadata.name', match: { op: 'prefix', prefix: 'pay' } },
        { type: 'value', key: 'metadata.tags', match: { op: 'in', values: ['go'] } },
        {
          type: 'element',
          key: 'metadata.links',
          predicate: { type: 'value', key: 'type', match: { op: 'in', values: ['docs'] } },
        },
        { type: 'not', child: { type: 'value', key: 'spec.system', match: { op: 'exists' } } },
      ],
    });
  });

  it('turns relations.<type> keys into relation matches with a lowercase type', () => {
    expect(parseEntityPredicate({ 'relations.ownedBy': 'group:default/A' })).toEqual({
      type: 'relation',
      relationType: 'ownedby',
      match: { op: 'in', values: ['group:default/a'] },
    });
  });

  it('turns metadata.ref into a match on the entity ref, but not inside $contains', () => {
    expect(parseEntityPredicate({ 'Metadata.Ref': { $in: ['Group:default/A'] } })).toEqual({
      type: 'ref',
      match: { op: 'in', values: ['group:default/a'] },
    });
    expect(parseEntityPredicate({ 'spec.items': { $contains: { 'metadata.ref': 'x' } } })).toEqual({
      type: 'element',
      key: 'spec.items',
      predicate: { type: 'value', key: 'metadata.ref', match: { op: 'in', values: ['x'] } },
    });
    expect(() => parseEntityPredicate({ 'metadata.ref': { $contains: { a: 'b' } } })).toThrow(
      "$contains on 'metadata.ref' takes an entity ref",
    );
  });

  it.each<[string, unknown]>([
    ['an unknown operator', { kind: { $regex: 'x' } }],
    ['an unknown top-level operator', { $or: [] }],
    ['a null value', { kind: null }],
    ['a matcher with two operators', { kind: { $in: ['a'], $exists: true } }],
    ['a non-array $all', { $all: { kind: 'a' } }],
    ['a non-boolean $exists', { kind: { $exists: 'yes' } }],
    ['relations without a type', { relations: { $exists: true } }],
    ['a predicate $contains on relations', { 'relations.ownedBy': { $contains: { a: 'b' } } }],
    ['nested predicate $contains', { a: { $contains: { b: { $contains: { c: 'd' } } } } }],
  ])('refuses %s', (_, predicate) => {
    expect(() => parseEntityPredicate(predicate as EntityPredicate)).toThrow(InputError);
  });

  it('refuses predicates nested too deeply', () => {
    let predicate: EntityPredicate = { kind: 'a' };
    for (let i = 0; i < 40; i++) {
      predicate = { $not: predicate };
    }
    expect(() => parseEntityPredicate(predicate)).toThrow('nested deeper');
  });
});
