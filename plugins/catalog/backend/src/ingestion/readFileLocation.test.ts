import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readFileLocation } from './readFileLocation';

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'atrium-location-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

const component = (name: string, extra = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  owner: team-a\n  lifecycle: production\n${extra}`;

describe('readFileLocation', () => {
  it('reads every document and follows Location targets relative to their own file', async () => {
    const root = await tree({
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets: [./teams/a.yaml]\n',
      'teams/a.yaml': `${component('one')}---\n${component('two')}---\napiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: nested\nspec:\n  target: ./more/b.yaml\n`,
      'teams/more/b.yaml': component('three'),
    });
    const { entities, errors } = await readFileLocation(join(root, 'catalog-info.yaml'));
    expect(errors).toEqual([]);
    expect(entities.map((e) => e.entity.metadata.name)).toEqual(['root', 'one', 'two', 'nested', 'three']);
    expect(entities[4]?.file).toBe(join(root, 'teams/more/b.yaml'));
  });

  it('replaces $text, $json and $yaml placeholders with the files beside the entity', async () => {
    const root = await tree({
      'catalog-info.yaml': `${component('api')}  definition:\n    $text: ./openapi.yaml\n  extra:\n    $json: ./x.json\n  more:\n    $yaml: ./y.yaml\n`,
      'openapi.yaml': 'openapi: 3.0.3\n',
      'x.json': '{"a":1}',
      'y.yaml': 'b: 2\n',
    });
    const { entities } = await readFileLocation(join(root, 'catalog-info.yaml'));
    expect(entities[0]?.entity.spec).toEqual(
      expect.objectContaining({ definition: 'openapi: 3.0.3\n', extra: { a: 1 }, more: { b: 2 } }),
    );
  });

  it('refuses placeholders and targets that leave the location folder', async () => {
    const root = await tree({
      'inner/catalog-info.yaml': `${component('leak')}  definition:\n    $text: ../secret.txt\n`,
      'secret.txt': 'top secret',
    });
    const { entities, errors } = await readFileLocation(join(root, 'inner/catalog-info.yaml'));
    expect(entities).toEqual([]);
    expect(errors).toEqual([
      expect.stringContaining("$text '../secret.txt' points outside the location's folder"),
    ]);
  });

  it('keeps the good documents of a file and names the file and document of a bad one', async () => {
    const root = await tree({ 'catalog-info.yaml': `${component('good')}---\nkind: [unclosed\n` });
    const { entities, errors } = await readFileLocation(join(root, 'catalog-info.yaml'));
    expect(entities.map((e) => e.entity.metadata.name)).toEqual(['good']);
    expect(errors).toEqual([expect.stringMatching(/catalog-info\.yaml document 2: /)]);
  });

  it('refuses a YAML alias bomb', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'kind: Component',
      'metadata: { name: bomb }',
    ].join('\n');
    const root = await tree({ 'catalog-info.yaml': bomb });
    const { entities, errors } = await readFileLocation(join(root, 'catalog-info.yaml'));
    expect(entities).toEqual([]);
    expect(errors).toEqual([expect.stringMatching(/alias/i)]);
  });

  it('reports a missing file', async () => {
    const root = await tree({});
    const { errors } = await readFileLocation(join(root, 'nope.yaml'));
    expect(errors).toEqual([expect.stringContaining('ENOENT')]);
  });
});
