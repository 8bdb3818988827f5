import { InputError, stringifyEntityRef } from '@atrium/plugin-api';
import { toCanonicalEntityRef } from './toCanonicalEntityRef';

describe('toCanonicalEntityRef', () => {
  it.each(['Component:Default/Payments', 'component:ops/a/b', 'group:default/team:x', 'api:ns/name'])(
    'agrees with stringifyEntityRef on %s',
    (ref) => {
      expect(toCanonicalEntityRef(ref)).toBe(stringifyEntityRef(ref));
    },
  );

  it('canonicalises compound refs and refuses refs without a kind', () => {
    expect(toCanonicalEntityRef({ kind: 'User', namespace: 'Default', name: 'Jo' })).toBe('user:default/jo');
    expect(() => toCanonicalEntityRef('default/payments')).toThrow(InputError);
    expect(() => toCanonicalEntityRef('component:/x')).toThrow(InputError);
  });
});
