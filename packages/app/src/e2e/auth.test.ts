import { type OidcProvider, startOidcProvider } from '@atrium/backend/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { findFreePort } from './findFreePort';
import { launchChromium, type TestBrowser } from './launchChromium';
import type { Portal } from './Portal';
import { saveScreenshot } from './saveScreenshot';
import { signInWithOidc } from './signInWithOidc';
import { startPortal } from './startPortal';

// Sign-in through a real OpenID Connect provider (oidc-provider, in a child
// process), personal API tokens and the admin pages, in a real Chromium.

let idp: OidcProvider;
let portal: Portal;
let browser: TestBrowser;

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const userMenuButton = (page: Page, name: string) => page.getByRole('button', { name: `Account: ${name}` });

/** A fresh browser profile (no cookies) with one tab. */
async function freshPage(): Promise<Page> {
  const context: BrowserContext = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Calls the API with the tab's own cookies, as its scripts would (no CSRF needed for reads). */
async function statusWithCookies(page: Page, path: string): Promise<number> {
  return (await page.request.get(`${portal.url}${path}`)).status();
}

beforeAll(async () => {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  idp = await startOidcProvider({
    redirectUri: `${baseUrl}/api/core/auth/oidc/handler`,
    accounts: {
      tomasz: { email: 'tomasz.nowak@acme-retail.example', name: 'Tomasz Nowak' },
      jane: { email: 'jane.doe@acme-retail.example', name: 'Jane Doe' },
      stranger: { email: 'stranger@elsewhere.example', name: 'Sam Stranger' },
    },
  });
  portal = await startPortal({
    config: {
      backend: { baseUrl, listen: { host: '127.0.0.1', port } },
      auth: {
        guest: { enabled: true },
        providers: { oidc: { ...idp.config, title: 'Okta' } },
        unknownUsers: 'refuse',
      },
      permissions: {
        roles: {
          // tomasz.nowak is in group:default/platform (demo/org); jane.doe is not.
          admin: { members: ['group:default/platform'], allow: ['*'] },
          member: {
            members: ['*'],
            allow: [
              'catalog.entity.read',
              'catalog.location.read',
              { permission: 'catalog.entity.refresh', owned: true },
            ],
          },
        },
      },
    },
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await idp?.stop();
});

describe('sign-in, API tokens and admin pages in a browser', () => {
  it('lists the configured providers on the sign-in page', async () => {
    const page = await freshPage();
    await page.goto(`${portal.url}/catalog`);
    await page.getByRole('button', { name: 'Sign in with Okta' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByRole('button', { name: 'Continue as guest' }).isVisible()).toBe(true);
    await saveScreenshot(page, 'sign-in-providers');
    await page.context().close();
  });

  it('signs in through the OIDC provider as the matching User entity, survives a reload, and signs out', async () => {
    const page = await freshPage();
    await signInWithOidc(page, portal.url, 'tomasz', '/settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    // Back where the visit started, signed in as the demo's User entity with that email.
    expect(new URL(page.url()).pathname).toBe('/settings');
    await page.getByText('user:default/tomasz.nowak').first().waitFor();
    const cookies = await page.context().cookies(portal.url);
    const session = cookies.find((cookie) => cookie.name === 'atrium_session');
    expect(session?.httpOnly).toBe(true);
    expect(await page.evaluate(() => JSON.stringify(window.sessionStorage) + document.cookie)).not.toContain(
      session?.value,
    );

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await userMenuButton(page, 'Tomasz Nowak').click();
    const menu = page.getByRole('menu', { name: 'Account: Tomasz Nowak' });
    await menu.getByText('user:default/tomasz.nowak').waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'My catalog page',
      'API tokens',
      'Settings',
      'Sign out',
    ]);
    await saveScreenshot(page, 'user-menu');
    await menu.getByRole('menuitem', { name: 'My catalog page' }).click();
    await page.waitForURL(`${portal.url}/catalog/default/user/tomasz.nowak`);

    await userMenuButton(page, 'Tomasz Nowak').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with Okta' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await statusWithCookies(page, '/api/core/auth/me')).toBe(401);
    await page.reload();
    await page.getByRole('button', { name: 'Sign in with Okta' }).waitFor();
    await page.context().close();
  });

  it('refuses a person with no User entity and says why on the sign-in page', async () => {
    const page = await freshPage();
    await signInWithOidc(page, portal.url, 'stranger');
    const alert = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await alert.textContent()).toMatch(/no User entity in the catalog matches you/);
    expect(await statusWithCookies(page, '/api/core/auth/me')).toBe(401);
    await saveScreenshot(page, 'sign-in-refused');
    await page.context().close();
  });

  describe('as an admin', () => {
    let page: Page;
    let token: string;

    beforeAll(async () => {
      page = await freshPage();
      await signInWithOidc(page, portal.url, 'tomasz');
      await page.getByRole('heading', { name: 'Welcome, Tomasz Nowak' }).waitFor();
    });

    afterAll(async () => {
      await page?.context().close();
    });

    it('creates an API token, shows it once, and the token works as a bearer token', async () => {
      await page.goto(`${portal.url}/settings/api-tokens`);
      await page.getByText('No API tokens yet').waitFor();
      await saveScreenshot(page, 'api-tokens-empty');
      await page.getByRole('button', { name: 'Create token' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Create an API token' });
      await dialog.getByLabel('Name').fill('e2e CLI');
      expect(await dialog.getByLabel('Scopes').inputValue()).toBe('catalog.entity.read');
      await saveScreenshot(page, 'api-tokens-create-dialog');
      await dialog.getByRole('button', { name: 'Create token' }).click();
      const secret = page.getByLabel('New API token');
      await secret.waitFor();
      token = await secret.inputValue();
      expect(token).toMatch(/^atr_/);
      await page.getByRole('table', { name: 'API tokens' }).getByText('e2e CLI').waitFor();
      await saveScreenshot(page, 'api-tokens-created');

      const read = await fetch(`${portal.url}/api/catalog/entities/by-query?limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(read.status).toBe(200);
      // The token is limited to its scope: registering a location is outside it, even for an admin.
      const write = await fetch(`${portal.url}/api/catalog/locations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'url', target: 'https://example.com/catalog-info.yaml' }),
      });
      expect(write.status).toBe(403);

      // Leaving and coming back: the secret is not shown again.
      await page.goto(`${portal.url}/settings`);
      await page.goto(`${portal.url}/settings/api-tokens`);
      await page.getByRole('table', { name: 'API tokens' }).getByText('e2e CLI').waitFor();
      expect(await page.getByLabel('New API token').count()).toBe(0);
    });

    it('shows the policy and the audit log, which records the token creation', async () => {
      await mainNav(page).getByRole('link', { name: 'Policy' }).click();
      await page.getByRole('heading', { level: 1, name: 'Policy' }).waitFor();
      await page.getByRole('region', { name: 'admin' }).getByRole('link', { name: 'platform' }).waitFor();
      await page.getByRole('region', { name: 'member' }).getByText('every signed-in user').waitFor();
      await page.getByRole('table', { name: 'Declared permissions' }).getByText('core.audit.read').waitFor();
      expect(await page.getByText('The development default is in effect').count()).toBe(0);
      await saveScreenshot(page, 'admin-policy');

      await mainNav(page).getByRole('link', { name: 'Audit log' }).click();
      const table = page.getByRole('table', { name: 'Audit records' });
      await table.getByText('/api/core/auth/tokens', { exact: true }).first().waitFor();
      const firstRow = table.locator('tbody tr').first();
      expect(await firstRow.textContent()).toContain('tomasz.nowak');
      await saveScreenshot(page, 'admin-audit');

      // The refused write made with the token's narrow scope is there as a failure, by the same user.
      await page.getByLabel('Outcome').selectOption('failure');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await table.getByText('failure 403').first().waitFor();
      expect(new URL(page.url()).searchParams.get('outcome')).toBe('failure');
      expect(await table.getByText('success', { exact: false }).count()).toBe(0);
      expect(await table.locator('tbody tr').first().textContent()).toContain('/api/catalog/locations');

      await page.getByLabel('Actor').fill('user:default/nobody');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('No audit records match these filters').waitFor();
    });

    it('revokes the token after confirmation, and the token stops working', async () => {
      await page.goto(`${portal.url}/settings/api-tokens`);
      await page.getByRole('button', { name: 'Revoke e2e CLI' }).click();
      const dialog = page.getByRole('dialog', { name: 'Revoke “e2e CLI”?' });
      await dialog.waitFor();
      await saveScreenshot(page, 'api-tokens-revoke-dialog');
      await dialog.getByRole('button', { name: 'Revoke token' }).click();
      await page.getByRole('table', { name: 'API tokens' }).getByText('revoked').waitFor();
      const read = await fetch(`${portal.url}/api/catalog/entities/by-query?limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(read.status).toBe(401);
    });
  });

  it('hides the admin pages from a non-admin, and the API refuses them too', async () => {
    const page = await freshPage();
    const answered = page.waitForResponse((response) =>
      response.url().endsWith('/api/core/permissions/authorize'),
    );
    await signInWithOidc(page, portal.url, 'jane');
    await page.getByRole('heading', { name: 'Welcome, Jane Doe' }).waitFor();
    // The sidebar asks about both admin pages in one request; its answer decides what shows.
    expect(await (await answered).json()).toEqual({ items: [{ allowed: false }, { allowed: false }] });
    await mainNav(page).getByRole('link', { name: 'Settings' }).waitFor();
    expect(await mainNav(page).getByRole('link', { name: 'Policy' }).count()).toBe(0);
    expect(await mainNav(page).getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    expect(await statusWithCookies(page, '/api/core/audit')).toBe(403);
    expect(await statusWithCookies(page, '/api/core/permissions/policy')).toBe(403);
    await page.goto(`${portal.url}/admin/audit`);
    await page.getByText('You may not read the audit log').waitFor();
    await page.context().close();
  });
});
