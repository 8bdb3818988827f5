import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type TestBrowser } from './launchChromium';
import type { Portal } from './Portal';
import { repoRoot } from './repoRoot';
import { saveScreenshot } from './saveScreenshot';
import { signInAsGuest } from './signInAsGuest';
import { startPortal } from './startPortal';

/** How many components the bulk system has: with their owners and databases, more than 200 nodes. */
const BULK_COMPONENTS = 150;
const BULK_DATABASES = 40;
const demoTeams = [
  'payments',
  'checkout',
  'catalog-team',
  'data-platform',
  'ml',
  'sre',
  'identity',
  'mobile',
];

/** A system with many parts, beside the demo data, for the graph's 200-node readability check. */
function bulkCatalogYaml(): string {
  const documents = [
    `apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: bulk-platform, title: Bulk Platform }
spec: { owner: platform, domain: commerce }`,
  ];
  for (let i = 0; i < BULK_DATABASES; i++) {
    documents.push(`apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: bulk-db-${i} }
spec: { type: database, owner: ${demoTeams[i % demoTeams.length]}, system: bulk-platform }`);
  }
  for (let i = 0; i < BULK_COMPONENTS; i++) {
    const dependsOn = [
      `resource:bulk-db-${i % BULK_DATABASES}`,
      ...(i > 0 ? [`component:bulk-service-${(i * 7) % i}`] : []),
    ];
    documents.push(`apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: bulk-service-${i}, title: Bulk Service ${i} }
spec:
  type: service
  lifecycle: production
  owner: ${demoTeams[i % demoTeams.length]}
  system: bulk-platform
  dependsOn: [${dependsOn.join(', ')}]`);
  }
  return `${documents.join('\n---\n')}\n`;
}

let portal: Portal;
let browser: TestBrowser;
let page: Page;
let bulkDir: string;
const pageErrors: string[] = [];

const entityTabs = (target: Page) => target.getByRole('navigation', { name: 'Entity sections' });
const graphSummary = (target: Page) => target.locator('.catalog-graph__summary');

/** The node count the graph announces, once no request is on its way. */
async function settledNodeCount(target: Page): Promise<number> {
  await target.waitForFunction(() => {
    const text = document.querySelector('.catalog-graph__summary')?.textContent ?? '';
    return /^\d+ entities/.test(text) && !text.includes('loading');
  });
  return Number.parseInt((await graphSummary(target).textContent()) ?? '0', 10);
}

beforeAll(async () => {
  bulkDir = await mkdtemp(join(tmpdir(), 'atrium-e2e-bulk-'));
  const bulkFile = join(bulkDir, 'catalog-info.yaml');
  await writeFile(bulkFile, bulkCatalogYaml());
  portal = await startPortal({
    config: {
      catalog: {
        locations: [
          { type: 'file', target: join(repoRoot, 'demo/catalog-info.yaml') },
          { type: 'file', target: bulkFile },
        ],
      },
    },
  });
  for (let attempt = 0; attempt < 150; attempt++) {
    const found = await portal.api<{ totalItems: number }>(
      '/api/catalog/entities/by-query?limit=1&filter=metadata.name=bulk-service-149',
    );
    if (found.totalItems === 1) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  browser = await launchChromium();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signInAsGuest(page, `${portal.url}/`);
  await page.getByRole('heading', { name: 'Welcome, guest' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await rm(bulkDir, { recursive: true, force: true });
});

describe('the dependency graph and API definition tabs in a browser', () => {
  it('loads neither tab on the catalog page, only when the tab is opened', async () => {
    const scripts = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => name.endsWith('.js')),
      );
    await page.goto(`${portal.url}/catalog`);
    await page.getByRole('table', { name: 'Entities' }).getByRole('row').nth(2).waitFor();
    const onCatalogPage = new Set(await scripts());
    // A client-side navigation, so the resource timings of the catalog page stay.
    await page.evaluate(() => {
      history.pushState({}, '', '/catalog/default/component/payments-service/graph');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.locator('.catalog-graph__node').first().waitFor();
    const graphChunks = (await scripts()).filter((name) => !onCatalogPage.has(name));
    expect(graphChunks.length).toBeGreaterThan(0);
    // The layout library is in the chunks loaded for the tab, not in any loaded for the catalog page.
    const holdsDagre = async (urls: Iterable<string>) => {
      for (const url of urls) {
        if ((await (await fetch(url)).text()).includes('dagre')) {
          return true;
        }
      }
      return false;
    };
    expect(await holdsDagre(graphChunks)).toBe(true);
    expect(await holdsDagre(onCatalogPage)).toBe(false);
  });

  it("draws a component's relations, expands a neighbour and filters a relation type", async () => {
    await page.goto(`${portal.url}/catalog/default/component/payments-service/graph`);
    const root = page.locator('.catalog-graph__node--root');
    await root.waitFor();
    expect(await root.getAttribute('data-ref')).toBe('component:default/payments-service');
    const before = await settledNodeCount(page);
    expect(before).toBeGreaterThan(2);
    await page
      .getByRole('link', { name: /\(Group, team\)$/ })
      .first()
      .waitFor();
    await saveScreenshot(page, 'graph-component');

    const expandOwner = page.getByRole('button', { name: /^Show the relations of Payments/ }).first();
    await expandOwner.click();
    await page.waitForFunction(
      (count) =>
        Number.parseInt(document.querySelector('.catalog-graph__summary')?.textContent ?? '0', 10) > count,
      before,
    );
    const expanded = await settledNodeCount(page);
    expect(expanded).toBeGreaterThan(before);
    await saveScreenshot(page, 'graph-component-expanded');

    await page.getByRole('checkbox', { name: 'Owned by' }).uncheck();
    expect(await settledNodeCount(page)).toBeLessThan(expanded);
    await page.getByRole('checkbox', { name: 'Owned by' }).check();
    expect(await settledNodeCount(page)).toBe(expanded);
  });

  it('reaches a node with the keyboard and opens its entity with Enter', async () => {
    await page.goto(`${portal.url}/catalog/default/component/payments-service/graph`);
    await page.locator('.catalog-graph__node--root').waitFor();
    await page.getByRole('button', { name: 'Fit' }).focus();
    let focused: string | null = null;
    for (let presses = 0; presses < 30 && !focused?.startsWith('resource:'); presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('data-ref') ?? null);
    }
    expect(focused).toMatch(/^resource:default\//);
    await saveScreenshot(page, 'graph-keyboard-focus');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/catalog/default/resource/${focused?.split('/')[1]}`);
  });

  it('keeps 200 and more nodes apart in layers, readable when zoomed in', async () => {
    await page.goto(`${portal.url}/catalog/default/system/bulk-platform/graph`);
    await page.locator('.catalog-graph__node--root').waitFor();
    let count = await settledNodeCount(page);
    const expandAll = page.getByRole('button', { name: 'Expand all' });
    for (let round = 0; round < 3 && count < 200; round++) {
      await expandAll.click();
      await page.waitForFunction(
        (before) =>
          Number.parseInt(document.querySelector('.catalog-graph__summary')?.textContent ?? '0', 10) > before,
        count,
      );
      count = await settledNodeCount(page);
    }
    expect(count).toBeGreaterThanOrEqual(200);
    await page.getByRole('button', { name: 'Fit' }).click();
    await saveScreenshot(page, 'graph-200-nodes-fit');
    // Every box, and every label inside its own box: then no two labels overlap either.
    const nodes = await page.locator('.catalog-graph__node').evaluateAll((groups) =>
      groups.map((group) => {
        const box = group.querySelector('rect')?.getBoundingClientRect();
        const label = group.querySelector('.catalog-graph__label')?.getBoundingClientRect();
        return {
          box: { x: box?.x ?? 0, y: box?.y ?? 0, width: box?.width ?? 0, height: box?.height ?? 0 },
          labelInside:
            !!box &&
            !!label &&
            label.left >= box.left &&
            label.right <= box.right + 0.5 &&
            label.bottom <= box.bottom,
        };
      }),
    );
    expect(nodes).toHaveLength(count);
    expect(nodes.filter((node) => !node.labelInside)).toEqual([]);
    const boxes = nodes.map((node) => node.box);
    const overlapping = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter(
          (b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
        ),
    );
    expect(overlapping).toEqual([]);
    // Zoomed in to the natural size around the root, labels are drawn at 13px.
    const root = page.locator('.catalog-graph__node--root');
    const labelHeight = () =>
      root.locator('.catalog-graph__label').evaluate((label) => label.getBoundingClientRect().height);
    for (let step = 0; step < 30 && (await labelHeight()) < 13; step++) {
      await page.getByRole('button', { name: 'Zoom in' }).click();
    }
    expect(await labelHeight()).toBeGreaterThanOrEqual(13);
    await root.focus();
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'graph-200-nodes-zoomed');
  });

  it("renders the payments API's OpenAPI definition as operations with their schemas", async () => {
    await page.goto(`${portal.url}/catalog/default/api/payments-api`);
    await entityTabs(page).getByRole('link', { name: 'Definition' }).click();
    await page.getByRole('heading', { name: 'Operations (4)' }).waitFor();
    const refund = page.locator('details.api-operation', { hasText: '/payments/{paymentId}/refunds' });
    await refund.locator('summary').click();
    await refund.getByText('one of: "cancelled", "returned", "goodwill", "duplicate"').waitFor();
    await refund.getByText('Idempotency-Key').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'api-definition-openapi');
  });

  it('renders AsyncAPI channels and a GraphQL schema, and offers the source of each', async () => {
    await page.goto(`${portal.url}/catalog/default/api/order-events/definition`);
    await page.getByRole('region', { name: 'Channel orders.order-events.v1' }).waitFor();
    await page.locator('.api-message__name', { hasText: 'Order shipped' }).click();
    await page.locator('.api-schema__name', { hasText: 'trackingNumber' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'api-definition-asyncapi');

    await page.goto(`${portal.url}/catalog/default/api/storefront-graphql/definition`);
    await page.getByRole('heading', { name: /^Types \(\d+\)$/ }).waitFor();
    expect(await page.locator('.api-gql-keyword').count()).toBeGreaterThan(10);
    await page.getByText('Source', { exact: true }).click();
    await page.getByRole('button', { name: 'Copy' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'api-definition-graphql');
    expect(pageErrors).toEqual([]);
  });
});
