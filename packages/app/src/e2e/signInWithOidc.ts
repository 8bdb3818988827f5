import type { Page } from 'playwright-core';

/**
 * Signs in from the portal's sign-in page through the test identity provider's
 * real login form (oidc-provider's development interaction: any password).
 * Leaves the page wherever the portal sends it back to.
 */
export async function signInWithOidc(
  page: Page,
  portalUrl: string,
  login: string,
  path = '/',
): Promise<void> {
  await page.goto(`${portalUrl}${path}`);
  await page.getByRole('button', { name: 'Sign in with Okta' }).click();
  const loginField = page.locator('input[name="login"]');
  await loginField.waitFor();
  await loginField.fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('input[name="password"]').press('Enter');
  await page.waitForURL((url) => url.origin === portalUrl);
}
