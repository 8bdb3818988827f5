import { defineFrontendPlugin } from '@atrium/plugin-api/frontend';
import { createPluginLoader } from './createPluginLoader';
import type { FederationRuntime } from './FederationRuntime';
import { testPluginItem } from './testPluginItem';

const helloPlugin = defineFrontendPlugin({ id: 'hello', pages: { index: () => null } });

function fakeRuntime(modules: Record<string, () => Promise<unknown>>) {
  const registered: Array<{ remotes: Array<{ name: string; entry: string }>; force?: boolean }> = [];
  const runtime: FederationRuntime = {
    registerRemotes: (remotes, options) => {
      registered.push({ remotes, ...(options?.force ? { force: true } : {}) });
    },
    loadRemote: async <T>(id: string) => {
      const load = modules[id];
      if (!load) {
        throw new Error(`[ Federation Runtime ]: Failed to get manifest. #RUNTIME-003\nargs: {"id":"${id}"}`);
      }
      return (await load()) as T;
    },
  };
  return { runtime, registered };
}

describe('createPluginLoader', () => {
  it('registers every frontend remote without loading any', () => {
    const { runtime, registered } = fakeRuntime({});
    const loader = createPluginLoader(runtime);
    loader.register([testPluginItem('hello'), testPluginItem('catalog', { frontend: undefined })]);
    expect(registered).toEqual([{ remotes: [{ name: 'hello', entry: '/plugins/hello/mf-manifest.json' }] }]);
    expect(loader.getState('hello')).toEqual({ status: 'idle' });
  });

  it('does not register the same remotes again after a second sign-in', () => {
    const { runtime, registered } = fakeRuntime({});
    const loader = createPluginLoader(runtime);
    loader.register([testPluginItem('hello')]);
    loader.register([testPluginItem('hello')]);
    expect(registered).toHaveLength(1);
  });

  it('loads the named export of the exposed module once, however many slots ask', async () => {
    const load = jest.fn(async () => ({ helloPlugin }));
    const { runtime } = fakeRuntime({ 'hello/plugin': load });
    const loader = createPluginLoader(runtime);
    loader.register([testPluginItem('hello')]);
    const [first, second] = await Promise.all([loader.load('hello'), loader.load('hello')]);
    expect(first).toBe(helloPlugin);
    expect(second).toBe(helloPlugin);
    expect(load).toHaveBeenCalledTimes(1);
    expect(loader.getState('hello')).toEqual({ status: 'loaded', plugin: helloPlugin });
  });

  it('reports a missing remote with its URL, the status a probe saw, and the runtime first line', async () => {
    const { runtime } = fakeRuntime({});
    const loader = createPluginLoader(runtime, async () => 404);
    loader.register([testPluginItem('hello')]);
    await expect(loader.load('hello')).rejects.toThrow(
      'Could not load its code from /plugins/hello/mf-manifest.json: Failed to get manifest. #RUNTIME-003 ' +
        '(GET /plugins/hello/mf-manifest.json answered 404; is the remote built and deployed?)',
    );
    expect(loader.getState('hello').status).toBe('failed');
  });

  it('refuses an export that defineFrontendPlugin did not make', async () => {
    const { runtime } = fakeRuntime({ 'hello/plugin': async () => ({ helloPlugin: { id: 'hello' } }) });
    const loader = createPluginLoader(runtime);
    loader.register([testPluginItem('hello')]);
    await expect(loader.load('hello')).rejects.toThrow(
      /has no export 'helloPlugin' made by defineFrontendPlugin/,
    );
  });

  it('refuses code whose plugin id differs from the manifest', async () => {
    const other = defineFrontendPlugin({ id: 'other' });
    const { runtime } = fakeRuntime({ 'hello/plugin': async () => ({ helloPlugin: other }) });
    const loader = createPluginLoader(runtime);
    loader.register([testPluginItem('hello')]);
    await expect(loader.load('hello')).rejects.toThrow(
      "Its code defines plugin 'other' but plugin.yaml says 'hello'",
    );
  });

  it('retries a failed plugin after forcing the runtime to forget the remote', async () => {
    const modules: Record<string, () => Promise<unknown>> = {};
    const { runtime, registered } = fakeRuntime(modules);
    const loader = createPluginLoader(runtime);
    loader.register([testPluginItem('hello')]);
    await expect(loader.load('hello')).rejects.toThrow();
    modules['hello/plugin'] = async () => ({ helloPlugin });
    await expect(loader.retry('hello')).resolves.toBe(helloPlugin);
    expect(registered.at(-1)).toEqual({
      remotes: [{ name: 'hello', entry: '/plugins/hello/mf-manifest.json' }],
      force: true,
    });
  });

  it('does not force a reload of a plugin that loaded fine', async () => {
    const { runtime, registered } = fakeRuntime({ 'hello/plugin': async () => ({ helloPlugin }) });
    const loader = createPluginLoader(runtime);
    loader.register([testPluginItem('hello')]);
    await loader.retry('hello');
    await loader.retry('hello');
    expect(registered).toHaveLength(1);
  });

  it('tells subscribers about every state change', async () => {
    const { runtime } = fakeRuntime({ 'hello/plugin': async () => ({ helloPlugin }) });
    const loader = createPluginLoader(runtime);
    loader.register([testPluginItem('hello')]);
    const seen: string[] = [];
    loader.subscribe(() => seen.push(loader.getState('hello').status));
    await loader.load('hello');
    expect(seen).toEqual(['loading', 'loaded']);
  });
});
