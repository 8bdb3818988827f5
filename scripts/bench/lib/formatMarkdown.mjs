import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * `markdown` the way Biome prints it, since `npm run lint` formats BENCHMARKS.md too.
 * `options` go to `execFileSync` (e.g. `stdio` to silence Biome's diagnostics).
 */
export function formatMarkdown(root, markdown, options = {}) {
  return execFileSync(
    path.join(root, 'node_modules/.bin/biome'),
    ['format', '--stdin-file-path=BENCHMARKS.md'],
    {
      input: markdown,
      encoding: 'utf8',
      ...options,
    },
  );
}
