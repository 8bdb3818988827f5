import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** A headless Debian Chromium: `context` is a first browser profile; `newContext` makes another with its own cookies. */
export interface TestBrowser {
  context: BrowserContext;
  /** A fresh profile: no cookies, so no session; closed with the browser. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

const viewport = { width: 1280, height: 800 };

/**
 * Launches `/usr/bin/chromium` headless. The flags keep it from calling home:
 * this machine's network is closed, and refused background connections would
 * only slow it down. Each context is an incognito-like profile, so sessions
 * (the `atrium_session` cookie) never leak from one to another.
 */
export async function launchChromium(): Promise<TestBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport });
  return {
    context,
    newContext: () => browser.newContext({ viewport }),
    async close() {
      await browser.close();
    },
  };
}
