import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeUrlReader } from '@atrium/plugin-api/testing';
import { readLocationTree } from './readLocationTree';
import { DEFAULT_YAML_LIMITS } from './YamlLimits';

describe('readLocationTree', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atrium-tree-'));
    await mkdir(join(dir, 'repo/sub'), { recursive: true });
    await writeFile(join(dir, 'secret.txt'), 'secret');
    await writeFile(join(dir, 'repo/definition.txt'), 'openapi: 3.0.0');
    await writeFile(
      join(dir, 'repo/catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: { name: api }\nspec: { definition: { $text: ./definition.txt } }',
        'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: { name: stolen }\nspec: { definition: { $text: ../secret.txt } }',
        'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: l }\nspec: { targets: [./sub/more.yaml, ../outside.yaml] }',
        '- not an object',
      ].join('\n---\n'),
    );
    await writeFile(
      join(dir, 'repo/sub/more.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: c }\n',
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a file location, its placeholders and targets without leaving its folder', async () => {
    const tree = await readLocationTree(
      { type: 'file', target: join(dir, 'repo/catalog-info.yaml') },
      { urlReader: createFakeUrlReader(), limits: DEFAULT_YAML_LIMITS },
    );
    expect(tree.entities.map((e) => [e.entity.metadata.name, e.documentIndex, e.location.target])).toEqual([
      ['api', 0, join(dir, 'repo/catalog-info.yaml')],
      ['l', 2, join(dir, 'repo/catalog-info.yaml')],
      ['c', 0, join(dir, 'repo/sub/more.yaml')],
    ]);
    expect(tree.entities[0]?.entity.spec?.definition).toBe('openapi: 3.0.0');
    expect(tree.errors.map((e) => [e.documentIndex, e.error.message])).toEqual([
      [1, `target '../secret.txt' points outside the location's folder ${join(dir, 'repo')}`],
      [2, `target '../outside.yaml' points outside the location's folder ${join(dir, 'repo')}`],
      [3, 'expected an object at the root, got array'],
    ]);
    expect(tree.etags).toEqual({});
  });

  it('changes its hash when a placeholder file changes', async () => {
    const read = () =>
      readLocationTree(
        { type: 'file', target: join(dir, 'repo/catalog-info.yaml') },
        { urlReader: createFakeUrlReader(), limits: DEFAULT_YAML_LIMITS },
      );
    const before = (await read()).hash;
    expect((await read()).hash).toBe(before);
    await writeFile(join(dir, 'repo/definition.txt'), 'openapi: 3.1.0');
    expect((await read()).hash).not.toBe(before);
  });
});
