import { mkdir, mkdtemp, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, NotAllowedError } from '@atrium/plugin-api';
import { resolveFileLocationTarget } from './resolveFileLocationTarget';

describe('resolveFileLocationTarget', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await realpath(await mkdtemp(join(tmpdir(), 'atrium-file-roots-')));
    await mkdir(join(dir, 'catalog/teams'), { recursive: true });
    await mkdir(join(dir, 'secret'));
    await mkdir(join(dir, 'catal'));
    await writeFile(join(dir, 'catalog/teams/all.yaml'), 'kind: Group');
    await writeFile(join(dir, 'secret/keys.yaml'), 'kind: Secret');
    await symlink(join(dir, 'secret/keys.yaml'), join(dir, 'catalog/escape.yaml'));
  });

  it('resolves a target relative to cwd under a relative root to its real path', async () => {
    await expect(resolveFileLocationTarget('catalog/teams/all.yaml', ['./catalog'], dir)).resolves.toBe(
      join(dir, 'catalog/teams/all.yaml'),
    );
  });

  it('accepts an absolute target under an absolute root', async () => {
    const target = join(dir, 'catalog/teams/all.yaml');
    await expect(resolveFileLocationTarget(target, [join(dir, 'catalog')], '/')).resolves.toBe(target);
  });

  it('refuses every file when no root is configured', async () => {
    await expect(resolveFileLocationTarget('catalog/teams/all.yaml', [], dir)).rejects.toThrow(
      NotAllowedError,
    );
  });

  it('refuses a .. escape out of the root', async () => {
    await expect(resolveFileLocationTarget('catalog/../secret/keys.yaml', ['catalog'], dir)).rejects.toThrow(
      /outside every folder in catalog.fileLocationRoots/,
    );
  });

  it('refuses a symlink under the root that points out of it', async () => {
    await expect(resolveFileLocationTarget('catalog/escape.yaml', ['catalog'], dir)).rejects.toThrow(
      NotAllowedError,
    );
  });

  it('refuses a root whose name only starts like the target folder', async () => {
    await expect(resolveFileLocationTarget('catalog/teams/all.yaml', ['catal'], dir)).rejects.toThrow(
      NotAllowedError,
    );
  });

  it('answers 400 for a file that does not exist', async () => {
    await expect(resolveFileLocationTarget('catalog/none.yaml', ['catalog'], dir)).rejects.toThrow(
      InputError,
    );
  });
});
