import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError, NotAllowedError } from '@atrium/plugin-api';

async function realPathOf(path: string, what: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    throw new InputError(`${what} ${path} does not exist or cannot be read`, { cause: error });
  }
}

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Resolves the target of a `type: file` location registered through the API
 * to its real absolute path, and checks that it lies under one of `roots`
 * (`catalog.fileLocationRoots`, absolute or relative to `cwd`). Both sides go
 * through realpath, so neither `..` nor a symlink leads out of a root.
 * `NotAllowedError` when no root holds it (none configured: always).
 *
 * @example
 * const path = await resolveFileLocationTarget('./catalog/teams.yaml', ['./catalog'], process.cwd());
 */
export async function resolveFileLocationTarget(
  target: string,
  roots: string[],
  cwd: string,
): Promise<string> {
  if (roots.length === 0) {
    throw new NotAllowedError(
      `File location ${target} cannot be registered: no folder is listed in catalog.fileLocationRoots`,
    );
  }
  const path = await realPathOf(resolve(cwd, target), 'File location');
  for (const root of roots) {
    const realRoot = await realpath(resolve(cwd, root)).catch(() => undefined);
    if (realRoot !== undefined && isWithin(realRoot, path)) {
      return path;
    }
  }
  throw new NotAllowedError(
    `File location ${target} is outside every folder in catalog.fileLocationRoots; add its folder there or move the file`,
  );
}
