import type { Page } from 'playwright-core';

/** Opens `url` in a tab without a session and signs in as the guest from the sign-in page. */
export async function signInAsGuest(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Continue as guest' }).click();
}
