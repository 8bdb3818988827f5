import type { Page } from 'playwright-core';

/**
 * Opens `url` in a tab whose browser context has no `atrium_session` cookie,
 * signs in as the guest from the sign-in page, and waits until the portal has
 * sent the tab back. The cookie then signs in every tab of that context.
 */
export async function signInAsGuest(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Continue as guest' }).click();
  await page.waitForURL((current) => current.pathname !== '/sign-in');
}
