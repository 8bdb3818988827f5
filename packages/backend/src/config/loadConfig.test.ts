// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are config file text whose ${VAR} references are under test.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './ConfigError';
import { loadConfig } from './loadConfig';

describe('loadConfig', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'atrium-config-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function file(name: string, text: string): Promise<string> {
    const path = join(directory, name);
    await writeFile(path, text);
    return path;
  }

  async function loadError(files: string[], env: Record<string, string> = {}): Promise<ConfigError> {
    const error = await loadConfig({ files, env }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }

  it('deep-merges three files in order, later files replacing arrays and scalars', async () => {
    const base = await file(
      'app-config.yaml',
      [
        'app: { title: Base, baseUrl: http://localhost:3000 }',
        'backend:',
        '  listen: { host: 127.0.0.1, port: 7007 }',
        '  reading: { allow: [{ host: a.example.com }, { host: b.example.com }] }',
        'catalog: { locations: [one, two] }',
      ].join('\n'),
    );
    const local = await file(
      'app-config.local.yaml',
      'backend:\n  listen: { port: 8000 }\ncatalog: { locations: [three] }\n',
    );
    const production = await file(
      'app-config.production.yaml',
      'app: { title: Prod }\nbackend:\n  reading: { allow: [{ host: c.example.com }] }\n',
    );

    const config = await loadConfig({ files: [base, local, production], env: {} });

    expect(config.data).toEqual({
      app: { title: 'Prod', baseUrl: 'http://localhost:3000' },
      backend: { listen: { host: '127.0.0.1', port: 8000 }, reading: { allow: [{ host: 'c.example.com' }] } },
      catalog: { locations: ['three'] },
    });
    expect(config.sourceOf('app.title')).toBe(production);
    expect(config.sourceOf('app.baseUrl')).toBe(base);
    expect(config.sourceOf('backend.listen.host')).toBe(base);
    expect(config.sourceOf('backend.listen.port')).toBe(local);
    expect(config.sourceOf('backend.reading.allow[0].host')).toBe(production);
    expect(config.sourceOf('backend.reading.allow.1')).toBeUndefined();
    expect(config.sourceOf('catalog.locations')).toBe(local);
    expect(config.sourceOf('backend.nothing')).toBeUndefined();
  });

  it('forgets where replaced values came from when a later file swaps an object for a scalar', async () => {
    const base = await file('a.yaml', 'thing: { nested: { deep: 1 } }\n');
    const override = await file('b.yaml', 'thing: plain\n');

    const config = await loadConfig({ files: [base, override], env: {} });

    expect(config.get('thing')).toBe('plain');
    expect(config.sourceOf('thing')).toBe(override);
    expect(config.sourceOf('thing.nested.deep')).toBeUndefined();
  });

  it('substitutes variables whole or inside text and keeps escaped references literal', async () => {
    const path = await file(
      'app-config.yaml',
      [
        'backend:',
        '  baseUrl: ${BASE_URL}',
        '  database: { connection: "postgres://${ DB_USER }@db:5432/${DB_NAME}" }',
        'plugin:',
        '  template: "$${NOT_A_VAR} and ${BASE_URL}"',
        '  list: ["${DB_NAME}", 3, true]',
      ].join('\n'),
    );

    const config = await loadConfig({
      files: [path],
      env: { BASE_URL: 'https://idp.example.com', DB_USER: 'atrium', DB_NAME: 'portal' },
    });

    expect(config.get('backend.baseUrl')).toBe('https://idp.example.com');
    expect(config.get('backend.database.connection')).toBe('postgres://atrium@db:5432/portal');
    expect(config.get('plugin.template')).toBe('${NOT_A_VAR} and https://idp.example.com');
    expect(config.get('plugin.list')).toEqual(['portal', 3, true]);
  });

  it('names the file, the key and the variable when a variable is not set', async () => {
    const path = await file('app-config.yaml', 'auth:\n  tokens:\n    - token: ${CI_TOKEN}\n');

    const error = await loadError([path], { OTHER: 'x' });

    expect(error.message).toBe(`${path}: auth.tokens[0].token: environment variable 'CI_TOKEN' is not set`);
  });

  it('names a missing file', async () => {
    const missing = join(directory, 'app-config.missing.yaml');

    const error = await loadError([missing]);

    expect(error.message).toContain(`${missing}: config file not found`);
    expect(error.cause).toBeDefined();
  });

  it('names the file and the line of a YAML syntax error', async () => {
    const path = await file(
      'app-config.yaml',
      'backend:\n  listen:\n    port: [1, 2\nauth: { session: { secret: do-not-quote-me } }\n',
    );

    const error = await loadError([path]);

    expect(error.message).not.toContain('do-not-quote-me');
    expect(error.message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid YAML: .*line \\d+`, 's'),
    );
  });

  it('rejects a file whose top level is not a mapping', async () => {
    const path = await file('app-config.yaml', '- just\n- a list\n');

    const error = await loadError([path]);

    expect(error.message).toBe(`${path}: the top level must be a mapping of keys, not a list`);
  });

  it('treats an empty file as an empty layer', async () => {
    const base = await file('a.yaml', 'app: { title: Kept }\n');
    const empty = await file('b.yaml', '# nothing here\n');

    const config = await loadConfig({ files: [base, empty], env: {} });

    expect(config.data).toEqual({ app: { title: 'Kept' } });
  });

  it('reports the first bad file in order when several are bad', async () => {
    const first = join(directory, 'first-missing.yaml');
    const second = await file('second.yaml', 'a: [\n');

    const error = await loadError([first, second]);

    expect(error.message).toContain(first);
  });
});
