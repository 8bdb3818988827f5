const { mkdtempSync, mkdirSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const { findBoundaryViolations } = require('./checkBoundaries');

function makeRepo(files) {
  const root = mkdtempSync(join(tmpdir(), 'atrium-boundaries-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('findBoundaryViolations', () => {
  it('accepts a plugin that imports only the plugin API, its own files and libraries', () => {
    const root = makeRepo({
      'plugins/a/backend/src/index.ts':
        "import { coreServices } from '@atrium/plugin-api';\nimport { x } from './x';\nimport express from 'express';",
      'plugins/a/backend/src/x.test.ts': "import { createTestHost } from '@atrium/backend/testing';",
    });
    expect(findBoundaryViolations(root)).toEqual([]);
  });

  it('flags a plugin importing another plugin by package or by path', () => {
    const root = makeRepo({
      'plugins/a/backend/src/index.ts':
        "import { b } from '@atrium/plugin-b-backend';\nconst c = require('../../../b/backend/src/c');",
      'plugins/b/backend/src/c.ts': 'export const c = 1;',
    });
    const violations = findBoundaryViolations(root);
    expect(violations).toHaveLength(2);
    expect(violations[0]).toContain("'@atrium/plugin-b-backend'");
    expect(violations[1]).toContain('reaches into plugins/b');
  });

  it("lets a remote's webpack config use the shell's build helper, and nothing else of the shell", () => {
    const root = makeRepo({
      'plugins/a/frontend/webpack.config.js':
        "const { createRemoteWebpackConfig } = require('@atrium/app/createRemoteWebpackConfig');",
      'plugins/a/frontend/src/Page.tsx': "import { x } from '@atrium/app/createRemoteWebpackConfig';",
    });
    expect(findBoundaryViolations(root)).toEqual([
      expect.stringContaining('plugins/a/frontend/src/Page.tsx'),
    ]);
  });

  it('flags a plugin importing the core outside tests', () => {
    const root = makeRepo({ 'plugins/a/backend/src/index.ts': "export { x } from '@atrium/backend';" });
    expect(findBoundaryViolations(root)).toEqual([expect.stringContaining("'@atrium/backend'")]);
  });

  it("flags a package importing another package's src/", () => {
    const root = makeRepo({
      'packages/cli/src/index.ts':
        "import { y } from '@atrium/backend/src/y';\nimport('../../backend/src/z');",
    });
    expect(findBoundaryViolations(root)).toHaveLength(2);
  });
});
