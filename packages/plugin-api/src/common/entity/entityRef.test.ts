import { parseEntityRef, stringifyEntityRef } from './entityRef';

describe('parseEntityRef', () => {
  it('fills the kind and namespace of a short ref from the context', () => {
    expect(parseEntityRef('team-a', { defaultKind: 'Group' })).toEqual({
      kind: 'Group',
      namespace: 'default',
      name: 'team-a',
    });
  });

  it('takes the namespace of the referring entity over the default', () => {
    expect(parseEntityRef('component:payments', { defaultNamespace: 'ops' }).namespace).toBe('ops');
  });

  it('treats a colon after the slash as part of the name', () => {
    expect(parseEntityRef('ns/name:x', { defaultKind: 'Component' })).toEqual({
      kind: 'Component',
      namespace: 'ns',
      name: 'name:x',
    });
  });

  it('refuses a ref without a kind when no default applies', () => {
    expect(() => parseEntityRef('payments')).toThrow("Entity reference 'payments' has no kind");
  });

  it('refuses empty parts', () => {
    expect(() => parseEntityRef('component:/x')).toThrow('is not of the form');
  });
});

describe('stringifyEntityRef', () => {
  it('lowercases every part', () => {
    expect(stringifyEntityRef({ kind: 'Component', namespace: 'Default', name: 'My-Svc' })).toBe(
      'component:default/my-svc',
    );
  });
});
