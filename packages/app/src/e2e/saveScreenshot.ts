import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './repoRoot';

/** Where the browser tests leave their screenshots (gitignored). */
export const screenshotsDir = join(repoRoot, 'test-results/screenshots');

/** Saves a full-page screenshot as `test-results/screenshots/<name>.png`, for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotsDir, { recursive: true });
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
}
