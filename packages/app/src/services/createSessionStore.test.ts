import { createSessionStore } from './createSessionStore';
import type { Session } from './Session';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const session = (expiresAt: string): Session => ({
  token: 't',
  expiresAt,
  identity: { userEntityRef: 'user:default/guest', ownershipEntityRefs: ['user:default/guest'], roles: [] },
});

describe('createSessionStore', () => {
  it('keeps a session across a reload of the page', () => {
    const storage = memoryStorage();
    createSessionStore(storage, () => 0).set(session('2030-01-01T00:00:00Z'));
    expect(createSessionStore(storage, () => 0).get()?.token).toBe('t');
  });

  it('treats an expired session as signed out', () => {
    let now = Date.parse('2029-12-31T23:59:00Z');
    const store = createSessionStore(memoryStorage(), () => now);
    store.set(session('2030-01-01T00:00:00Z'));
    expect(store.get()).toBeDefined();
    now = Date.parse('2030-01-01T00:00:01Z');
    expect(store.get()).toBeUndefined();
  });

  it('ignores an unreadable entry', () => {
    const storage = memoryStorage();
    storage.setItem('atrium.session', '{not json');
    expect(createSessionStore(storage).get()).toBeUndefined();
  });

  it('tells subscribers about sign-in and sign-out', () => {
    const store = createSessionStore(memoryStorage(), () => 0);
    const listener = jest.fn();
    store.subscribe(listener);
    store.set(session('2030-01-01T00:00:00Z'));
    store.clear();
    store.clear();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
