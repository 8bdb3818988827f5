#!/usr/bin/env node
// `npm run bench`: builds, then runs every scripts/bench/*.mjs in its own
// process (so each reports its own peak RSS). Each suite writes its section of
// BENCHMARKS.md. Pass suite names to run only those: `npm run bench -- entityStore`.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const suites = readdirSync(join(root, 'scripts/bench'))
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.mjs$/, '')));

console.log('== build');
execFileSync('npx', ['tsc', '-b'], { cwd: root, stdio: 'inherit' });
for (const suite of suites) {
  console.log(`== ${suite}`);
  execFileSync(process.execPath, ['--expose-gc', join(root, 'scripts/bench', suite)], {
    cwd: root,
    stdio: 'inherit',
  });
}
