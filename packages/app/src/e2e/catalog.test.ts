import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { launchChromium, type TestBrowser } from './launchChromium';
import type { Portal } from './Portal';
import { saveScreenshot } from './saveScreenshot';
import { signInAsGuest } from './signInAsGuest';
import { startPortal } from './startPortal';

/** What the local source server answers for each path; tests change it to make a source fail. */
const sources = new Map<string, { status: number; body: string }>();

const checkoutYaml = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: e2e-checkout
  title: E2E Checkout
  description: Registered by the browser test.
spec:
  type: website
  lifecycle: experimental
  owner: user:default/guest
  providesApis: [e2e-checkout-api]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: e2e-checkout-api
spec:
  type: openapi
  lifecycle: experimental
  owner: user:default/guest
  definition: "openapi: 3.0.0"
`;

const brokenYaml = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: Not A Valid Name!
spec:
  type: service
  lifecycle: production
  owner: payments
`;

const flakyYaml = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: e2e-flaky
spec:
  type: service
  lifecycle: production
  owner: payments
`;

let server: Server;
let sourceUrl: string;
let portal: Portal;
let browser: TestBrowser;
let page: Page;

const entityTable = (target: Page) => target.getByRole('table', { name: 'Entities' });

/** Polls the catalog API until `check` passes; ingestion runs in the background. */
async function waitForApi<T>(path: string, check: (body: T) => boolean): Promise<T> {
  let body: T | undefined;
  for (let attempt = 0; attempt < 150; attempt++) {
    body = await portal.api<T>(path);
    if (check(body)) {
      return body;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path} never reached the expected state; last answer: ${JSON.stringify(body)}`);
}

beforeAll(async () => {
  sources.set('/checkout/catalog-info.yaml', { status: 200, body: checkoutYaml });
  sources.set('/broken/catalog-info.yaml', { status: 200, body: brokenYaml });
  sources.set('/flaky/catalog-info.yaml', { status: 200, body: flakyYaml });
  // The register flow reads from this local server, as it would from a Git host.
  server = createServer((req, res) => {
    const source = sources.get(req.url ?? '');
    res.writeHead(source?.status ?? 404, { 'content-type': 'text/yaml' });
    res.end(source?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  sourceUrl = `http://${host}`;
  portal = await startPortal({
    config: {
      // URL reading is denied by default: the test allows its own source server's host:port, and nothing else.
      backend: { reading: { allow: [{ host }] } },
      // A short interval, so a source that starts failing is noticed within the test.
      catalog: { refreshInterval: '1s' },
    },
  });
  browser = await launchChromium();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  await signInAsGuest(page, `${portal.url}/`);
  await page.getByRole('heading', { name: 'Welcome, guest' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

// The tests run in order: the entities registered by the first are what "owned by me" finds later.
describe('the catalog in a browser', () => {
  it('registers existing software: dry-run preview, registration, progress, links to the new entities', async () => {
    await page.goto(`${portal.url}/catalog`);
    await page.getByRole('link', { name: 'Register existing software' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Register existing software' }).waitFor();
    const url = page.getByLabel('URL of the catalog-info.yaml');

    await url.fill(`${sourceUrl}/broken/catalog-info.yaml`);
    await page.getByRole('button', { name: 'Analyze' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'This location cannot be registered' });
    await problem.waitFor();
    expect(await problem.locator('li').count()).toBeGreaterThan(0);
    expect(await problem.textContent()).toMatch(/Not A Valid Name!/);
    await saveScreenshot(page, 'register-errors');

    await url.fill(`${sourceUrl}/checkout/catalog-info.yaml`);
    await page.getByRole('button', { name: 'Analyze' }).click();
    const preview = page.getByRole('table', { name: 'Entities in this location' });
    await preview.waitFor();
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText).toContain('e2e-checkout');
    expect(previewText).toContain('e2e-checkout-api');
    expect(previewText).toContain('guest');
    await saveScreenshot(page, 'register-preview');
    // Nothing is stored by a dry run.
    expect(
      (
        await portal.api<{ totalItems: number }>(
          '/api/catalog/entities/by-query?filter=metadata.name=e2e-checkout',
        )
      ).totalItems,
    ).toBe(0);

    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByText(/^Registered\./).waitFor();
    await saveScreenshot(page, 'register-done');
    await page
      .getByRole('table', { name: 'Entities in this location' })
      .getByRole('link', { name: 'E2E Checkout' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'E2E Checkout' }).waitFor();
    // The About card links to the source the entity was read from.
    expect(await page.getByRole('link', { name: 'View source' }).getAttribute('href')).toBe(
      `${sourceUrl}/checkout/catalog-info.yaml`,
    );
    await page
      .getByRole('region', { name: 'Relations' })
      .getByRole('link', { name: /e2e-checkout-api/ })
      .waitFor();
    await saveScreenshot(page, 'register-entity');
  });

  it('filters the catalog by kind, type and "owned by me", with columns for the kind, all in the URL', async () => {
    await page.goto(`${portal.url}/catalog`);
    await page.getByLabel('Kind').selectOption('component');
    await page.getByRole('columnheader', { name: 'System' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Kind' }).count()).toBe(0);
    // The type facet lists the types of components only, with counts.
    const types = await portal.api<{ facets: Record<string, Array<{ value: string; count: number }>> }>(
      '/api/catalog/entity-facets?facet=spec.type&filter=kind=component',
    );
    const service = types.facets['spec.type']?.find((facet) => facet.value === 'service');
    expect(service?.count).toBeGreaterThan(1);
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: `service (${service?.count})` }).click();
    await page.getByText(`${service?.count} entities match`).waitFor();
    expect(new URL(page.url()).searchParams.toString()).toBe('kind=component&type=service');
    await saveScreenshot(page, 'catalog-filters');

    // The box follows the URL, which React may update a moment after the click: wait for it, not for the click.
    await page.getByRole('checkbox', { name: 'Owned by me' }).click();
    await page.waitForURL((url) => url.searchParams.get('mine') === 'true');
    await page.getByText('No entities match').waitFor();
    await page.getByRole('button', { name: 'Clear type' }).click();
    await page.getByText('1 entity matches').waitFor();
    await entityTable(page).getByRole('link', { name: 'e2e-checkout' }).waitFor();
    expect(new URL(page.url()).searchParams.get('mine')).toBe('true');

    // The URL alone brings the same list back, e.g. from a shared link.
    await page.goto(`${portal.url}/catalog?kind=user&q=olivia`);
    await page.getByRole('columnheader', { name: 'Email' }).waitFor();
    await entityTable(page).getByRole('link', { name: 'olivia.hart' }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('olivia');
    await saveScreenshot(page, 'catalog-users');
  });

  it('picks an owner by typing, from owners listed most entities first, and filters the table', async () => {
    await page.goto(`${portal.url}/catalog`);
    const owners = await portal.api<{ facets: Record<string, Array<{ value: string; count: number }>> }>(
      '/api/catalog/entity-facets?facet=spec.owner',
    );
    const byCount = [...(owners.facets['spec.owner'] ?? [])].sort((a, b) => b.count - a.count);
    const payments = byCount.find((facet) => facet.value === 'payments');
    expect(payments?.count).toBeGreaterThan(1);

    const owner = page.getByRole('combobox', { name: 'Owner' });
    await owner.click();
    const list = page.getByRole('listbox', { name: 'Owner' });
    await list.getByRole('option').first().waitFor();
    expect(await list.getByRole('option').first().getAttribute('aria-label')).toBe(
      `${byCount[0]?.value} (${byCount[0]?.count})`,
    );
    // The guest's own entities are owned by a user ref, shown in short form with the full ref beside it.
    const guest = list.getByRole('option', { name: /^user:guest \(\d+\)$/ });
    expect(await guest.getAttribute('title')).toBe('user:default/guest');
    await guest.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'catalog-owner-filter-open');

    await owner.pressSequentially('PAYM');
    expect(await list.getByRole('option').allTextContents()).toEqual([`payments${payments?.count}`]);
    await saveScreenshot(page, 'catalog-owner-filter-typed');
    await owner.press('Enter');
    await page.getByText(`${payments?.count} entities match`).waitFor();
    expect(new URL(page.url()).searchParams.toString()).toBe('owner=payments');
    expect(await owner.inputValue()).toBe('payments');
    await entityTable(page).getByRole('link', { name: 'payments-service' }).waitFor();
    expect(await entityTable(page).getByRole('link', { name: 'fraud-detection' }).count()).toBe(0);

    // Typing again starts a new search rather than extending the chosen text; Escape keeps the choice.
    await owner.pressSequentially('catalog');
    await list.getByRole('option', { name: /^catalog-team \(\d+\)$/ }).waitFor();
    await owner.press('Escape');
    expect(await owner.inputValue()).toBe('payments');

    const all = await portal.api<{ totalItems: number }>('/api/catalog/entities/by-query?limit=1');
    await page.getByRole('button', { name: 'Clear owner' }).click();
    await page.getByText(`${all.totalItems} entities`, { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.toString()).toBe('');
  });

  it("shows a group's members, sub-teams and owned entities, and a user's profile and groups", async () => {
    await page.goto(`${portal.url}/catalog/default/group/engineering`);
    const members = page.getByRole('region', { name: 'Members' });
    await members.getByRole('link', { name: 'olivia.hart' }).waitFor();
    await members.getByRole('link', { name: 'platform' }).waitFor();
    await members.getByRole('link', { name: 'acme-retail' }).waitFor();
    await saveScreenshot(page, 'group-page');

    await page.goto(`${portal.url}/catalog/default/group/payments`);
    const owned = page.getByRole('region', { name: 'Owned entities' });
    await owned.getByRole('link', { name: 'Payments Service' }).waitFor();
    await saveScreenshot(page, 'group-owned');

    await page.goto(`${portal.url}/catalog/default/user/olivia.hart`);
    const profile = page.getByRole('region', { name: 'Profile' });
    await profile.getByRole('link', { name: 'engineering' }).waitFor();
    await saveScreenshot(page, 'user-page');
  });

  it('shows processing errors at the top of the entity overview when the source starts failing', async () => {
    await page.goto(`${portal.url}/catalog/register`);
    await page.getByLabel('URL of the catalog-info.yaml').fill(`${sourceUrl}/flaky/catalog-info.yaml`);
    await page.getByRole('button', { name: 'Analyze' }).click();
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByText(/^Registered\./).waitFor();
    await page.goto(`${portal.url}/catalog/default/component/e2e-flaky`);
    // The shell draws card frames before the plugin's code arrives; wait for the cards' content.
    await page.getByRole('region', { name: 'About' }).getByRole('link', { name: 'View source' }).waitFor();
    expect(await page.getByRole('region', { name: 'Processing errors' }).isVisible()).toBe(false);

    sources.set('/flaky/catalog-info.yaml', { status: 500, body: 'upstream down' });
    await waitForApi<{ status?: { items?: unknown[] } }>(
      '/api/catalog/entities/by-name/component/default/e2e-flaky',
      (e) => Boolean(e.status?.items?.length),
    );
    await page.reload();
    const errors = page.getByRole('region', { name: 'Processing errors' });
    await errors.getByRole('alert').waitFor();
    expect(await errors.textContent()).toMatch(/500/);
    await saveScreenshot(page, 'entity-processing-errors');
  });
});
