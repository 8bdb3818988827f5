import { createSessionStore } from './createSessionStore';

const identity = { userEntityRef: 'user:default/ada', ownershipEntityRefs: ['user:default/ada'], roles: [] };

describe('createSessionStore', () => {
  it('starts by asking the server, and keeps nothing in browser storage', () => {
    const store = createSessionStore();
    expect(store.get()).toEqual({ status: 'loading' });
    expect(store.session()).toBeUndefined();
  });

  it('gives the session only while signed in', () => {
    const store = createSessionStore();
    store.set({ status: 'signed-in', session: { identity, csrfToken: 'c' } });
    expect(store.session()?.csrfToken).toBe('c');
    store.clear();
    expect(store.get()).toEqual({ status: 'signed-out' });
    expect(store.session()).toBeUndefined();
  });

  it('tells subscribers about sign-in and sign-out, once each', () => {
    const store = createSessionStore();
    const listener = jest.fn();
    store.subscribe(listener);
    store.set({ status: 'signed-in', session: { identity } });
    store.clear();
    store.clear();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
