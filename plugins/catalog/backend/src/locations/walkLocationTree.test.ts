import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import type { UrlReaderService } from '@atrium/plugin-api';
import { createFakeUrlReader } from '@atrium/plugin-api/testing';
import { walkLocationTree } from './walkLocationTree';
import { DEFAULT_YAML_LIMITS } from './YamlLimits';

const base = 'https://git.example.com/acme';

function location(name: string, targets: string[], presence?: string): string {
  return `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: ${name}\nspec:\n${presence ? `  presence: ${presence}\n` : ''}  targets: [${targets.join(', ')}]\n`;
}

function component(name: string): string {
  return `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n`;
}

describe('walkLocationTree', () => {
  it('yields files depth first: a file, then what it points at, then its next sibling', async () => {
    const reader = createFakeUrlReader({
      [`${base}/root.yaml`]: location('root', ['./a.yaml', './b.yaml']),
      [`${base}/a.yaml`]: location('a', ['./a1.yaml']),
      [`${base}/a1.yaml`]: component('a1'),
      [`${base}/b.yaml`]: component('b'),
    });
    const walk = walkLocationTree(
      { type: 'url', target: `${base}/root.yaml` },
      { urlReader: reader, limits: DEFAULT_YAML_LIMITS },
    );
    const names: string[] = [];
    for await (const file of walk.files) {
      names.push(...file.entities.map((e) => e.entity.metadata.name));
      expect(file.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(names).toEqual(['root', 'a', 'a1', 'b']);
    expect(Object.keys(walk.etags())).toHaveLength(4);
  });

  it('reads only a few files ahead of its consumer', async () => {
    const targets = Array.from({ length: 20 }, (_, i) => `./part-${i}.yaml`);
    const files: Record<string, string> = { [`${base}/root.yaml`]: location('root', targets) };
    for (let i = 0; i < 20; i++) {
      files[`${base}/part-${i}.yaml`] = component(`c${i}`);
    }
    const fake = createFakeUrlReader(files);
    let reads = 0;
    const reader: UrlReaderService = {
      registerProvider() {},
      readUrl(url, options) {
        reads++;
        return fake.readUrl(url, options);
      },
    };
    const walk = walkLocationTree(
      { type: 'url', target: `${base}/root.yaml` },
      { urlReader: reader, limits: DEFAULT_YAML_LIMITS, readAhead: 3 },
    );
    await walk.files.next();
    await walk.files.next();
    for (let i = 0; i < 10; i++) {
      await setImmediate();
    }
    // The root, the part consumed, and three read ahead.
    expect(reads).toBe(5);
    let rest = 0;
    for await (const _file of walk.files) {
      rest++;
    }
    expect(rest).toBe(19);
    expect(reads).toBe(21);
  });

  it('skips a missing target of an optional location, file or URL, and reports other errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atrium-walk-'));
    try {
      await writeFile(join(dir, 'root.yaml'), location('root', ['./missing.yaml'], 'optional'));
      await writeFile(join(dir, 'required.yaml'), location('required', ['./missing.yaml']));
      const walkFile = async (name: string) => {
        const errors: string[] = [];
        for await (const file of walkLocationTree(
          { type: 'file', target: join(dir, name) },
          { urlReader: createFakeUrlReader(), limits: DEFAULT_YAML_LIMITS },
        ).files) {
          errors.push(...file.errors.map((e) => `${e.error.name}: ${e.error.message}`));
        }
        return errors;
      };
      expect(await walkFile('root.yaml')).toEqual([]);
      expect(await walkFile('required.yaml')).toEqual([
        `NotFoundError: ${join(dir, 'missing.yaml')} does not exist`,
      ]);
      const reader = createFakeUrlReader({ [`${base}/root.yaml`]: 'kind: [unclosed' });
      const errors: string[] = [];
      for await (const file of walkLocationTree(
        { type: 'url', target: `${base}/root.yaml`, presence: 'optional' },
        { urlReader: reader, limits: DEFAULT_YAML_LIMITS },
      ).files) {
        errors.push(...file.errors.map((e) => e.error.name));
      }
      expect(errors).toEqual(['InputError']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file reached through a symbolic link that leads out of the location folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atrium-walk-'));
    try {
      await mkdir(join(dir, 'repo'));
      await writeFile(join(dir, 'secret.yaml'), component('secret'));
      await writeFile(join(dir, 'repo', 'inside.yaml'), component('inside'));
      await symlink(join(dir, 'secret.yaml'), join(dir, 'repo', 'escape.yaml'));
      await symlink(join(dir, 'repo', 'inside.yaml'), join(dir, 'repo', 'alias.yaml'));
      await writeFile(
        join(dir, 'repo', 'catalog-info.yaml'),
        location('root', ['./escape.yaml', './alias.yaml']),
      );
      const names: string[] = [];
      const errors: string[] = [];
      for await (const file of walkLocationTree(
        { type: 'file', target: join(dir, 'repo', 'catalog-info.yaml') },
        { urlReader: createFakeUrlReader(), limits: DEFAULT_YAML_LIMITS },
      ).files) {
        names.push(...file.entities.map((e) => e.entity.metadata.name));
        errors.push(...file.errors.map((e) => e.error.message));
      }
      expect(names).toEqual(['root', 'inside']);
      expect(errors).toEqual([
        `${join(dir, 'repo', 'escape.yaml')} leads outside the location's folder ${join(dir, 'repo')} through a symbolic link`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
