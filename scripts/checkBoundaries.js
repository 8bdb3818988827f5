#!/usr/bin/env node
// Fails when a plugin imports another plugin or the core, or when any package
// reaches into another package's src/ (DESIGN.md §1, style.md habit 4).
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;

function listSources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listSources(path));
    else if (SOURCE.test(name)) out.push(path);
  }
  return out;
}

function importsOf(text) {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

/** Which unit (a plugin folder or a package folder) a file belongs to. */
function unitOf(root, file) {
  const [top, name] = relative(root, file).split(sep);
  return top === 'plugins' || top === 'packages' ? join(root, top, name) : undefined;
}

/** Lists every import that crosses a boundary, as "file: import — reason". */
function findBoundaryViolations(root) {
  const violations = [];
  const units = ['plugins', 'packages'].flatMap((top) => {
    const dir = join(root, top);
    try {
      return readdirSync(dir).map((name) => join(dir, name));
    } catch {
      return [];
    }
  });
  for (const unit of units) {
    const isPlugin = relative(root, unit).startsWith('plugins');
    for (const file of listSources(unit)) {
      const isTest = /\.test\.[tj]sx?$/.test(file);
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const where = `${relative(root, file)}: '${spec}'`;
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          const targetUnit = unitOf(root, target);
          if (targetUnit && targetUnit !== unit) {
            violations.push(
              `${where} reaches into ${relative(root, targetUnit)}; import its package instead`,
            );
          }
          continue;
        }
        if (!spec.startsWith('@atrium/')) continue;
        if (/^@atrium\/[^/]+\/src(\/|$)/.test(spec)) {
          violations.push(`${where} imports another package's src/; import the package itself`);
          continue;
        }
        if (!isPlugin) continue;
        const allowed = spec === '@atrium/plugin-api' || spec.startsWith('@atrium/plugin-api/');
        const testHarness = isTest && spec === '@atrium/backend/testing';
        // A remote's build config uses the shell's build helper; it never ships in the remote.
        const buildTooling =
          /(^|[\\/])webpack\.config\.js$/.test(file) && spec === '@atrium/app/createRemoteWebpackConfig';
        if (!allowed && !testHarness && !buildTooling) {
          violations.push(
            `${where}: a plugin may import only @atrium/plugin-api (and @atrium/backend/testing in tests, ` +
              '@atrium/app/createRemoteWebpackConfig in webpack.config.js); ' +
              'share through the entity store, events or a service ref instead',
          );
        }
      }
    }
  }
  return violations;
}

module.exports = { findBoundaryViolations };

if (require.main === module) {
  const violations = findBoundaryViolations(resolve(__dirname, '..'));
  if (violations.length > 0) {
    console.error(
      `Boundary check failed (${violations.length}):\n${violations.map((v) => `  ${v}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(
    'Boundary check passed: no plugin imports another plugin or the core, no package reaches into another src/.',
  );
}
