import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO = { uid: 'bootstrapuser', password: 'deleteme' } as const;

/** Chrome DevTools' "Slow 4G" preset (bytes/s and ms), which Lighthouse's mobile throttling also uses. */
export const SLOW_4G = {
  download: ((1.6 * 1000 * 1000) / 8) * 0.9,
  upload: ((750 * 1000) / 8) * 0.9,
  latency: 150 * 3.75,
};
export const CPU_SLOWDOWN = 4;

export interface Throttle {
  cpu?: number;
  network?: typeof SLOW_4G;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // As in playwright.config.ts: without these Chromium keeps calling Google's hosts, which this network refuses.
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A fresh context (cold cache, no state from earlier runs), optionally pinned to a simulator database, and signed
 * in through the IAM's login API so that the page under test starts with the session cookie already set.
 */
export async function signedInContext(
  browser: Browser,
  baseURL: string,
  options: { simDb?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  if (options.simDb)
    await context.addCookies([
      { name: 'dcos-sim-db', value: options.simDb, url: baseURL, httpOnly: true, sameSite: 'Strict' },
    ]);
  const response = await context.request.post('/acs/api/v1/auth/login', {
    data: DEMO,
    headers: { 'X-Requested-With': 'dcos-console' },
  });
  if (!response.ok()) throw new Error(`Sign-in for the bench failed: HTTP ${response.status()}`);
  return context;
}

/** CPU and network emulation through CDP, set before the page navigates so it covers the whole load. */
export async function throttle(page: Page, { cpu = 1, network }: Throttle): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latency,
      downloadThroughput: network.download,
      uploadThroughput: network.upload,
    });
  }
}

/** A simulator database of its own (the control API), with these counts of generated entities; its id. */
export async function createSimDb(baseURL: string, counts: Record<string, number>): Promise<string> {
  const created = await fetch(`${baseURL}/__sim/dbs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(counts),
  });
  if (created.status !== 201) throw new Error(`POST /__sim/dbs: HTTP ${created.status} ${await created.text()}`);
  return ((await created.json()) as { id: string }).id;
}

export async function deleteSimDb(baseURL: string, id: string): Promise<void> {
  await fetch(`${baseURL}/__sim/dbs/${id}`, {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json', Cookie: `dcos-sim-db=${id}` },
  });
}
