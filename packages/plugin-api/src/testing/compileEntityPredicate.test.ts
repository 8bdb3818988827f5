import type { EntityPredicate } from '../common/entity/EntityPredicate';
import { InputError } from '../common/errors/InputError';
import { compileEntityPredicate } from './compileEntityPredicate';
import { indexFields } from './indexFields';

const value = { kind: 'Component', spec: { tags: ['Java'], ports: [{ name: 'http', port: 80 }] } };
const target = { value, index: indexFields(value) };
const matches = (predicate: EntityPredicate) => compileEntityPredicate(predicate)(target);

describe('compileEntityPredicate', () => {
  it('tests equality case-insensitively on keys and values', () => {
    expect(matches({ KIND: 'component' })).toBe(true);
    expect(matches({ kind: 'api' })).toBe(false);
  });

  it('tests $contains element predicates against one element at a time', () => {
    expect(matches({ 'spec.ports': { $contains: { name: 'HTTP', port: 80 } } })).toBe(true);
    expect(matches({ 'spec.ports': { $contains: { name: 'http', port: 443 } } })).toBe(false);
    // Backstage callers also write element alternatives as bare values.
    expect(
      matches({ 'spec.tags': { $contains: { $any: ['go', 'JAVA'] } } } as unknown as EntityPredicate),
    ).toBe(true);
    expect(matches({ 'spec.tags': { $contains: 'java' } })).toBe(true);
  });

  it('combines predicates with $all, $any and $not', () => {
    expect(matches({ $all: [{ kind: 'component' }, { $not: { kind: 'api' } }] })).toBe(true);
    expect(matches({ $any: [{ kind: 'api' }, { 'spec.tags': { $in: ['go', 'JAVA'] } }] })).toBe(true);
  });

  it('validates the whole predicate when compiled, not when tested', () => {
    expect(() =>
      compileEntityPredicate({ $any: [{ kind: 'a' }, { kind: { $like: 'a%' } }] } as EntityPredicate),
    ).toThrow(InputError);
  });
});
