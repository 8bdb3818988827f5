import { join } from 'node:path';

/** The repository's root folder, where app-config.yaml, plugins/ and demo/ live. */
export const repoRoot = join(__dirname, '../../../..');
