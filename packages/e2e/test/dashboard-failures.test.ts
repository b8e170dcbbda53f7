// The dashboard end to end in Chromium against the real server process and the AWS simulator,
// slowed down so progress is visible, with fault rules switched on after the account is
// connected: live progress, the error card with technical details, and Retry.
import { startSim, type RunningSim } from '@cloudsweep/aws-sim';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  connectWithKeys, launchChromium, pickRegions, recordStatusLine, screenshot, ServerProcess, signUpInBrowser, statusLog, waitForStatus,
} from './e2e-kit.js';

const REGIONS = ['us-east-1', 'eu-west-1'] as const;

/** "12 of 40 tasks" in the status line: a progress value between the start and the end. */
function intermediate(line: string): boolean {
  const match = /(\d+) of (\d+) tasks/.exec(line);
  return match !== null && Number(match[1]) > 0 && Number(match[1]) < Number(match[2]);
}

describe('the dashboard against the simulator: live progress, a failed scan, Retry', () => {
  let sim: RunningSim;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let failedUrl = '';

  beforeAll(async () => {
    const [started, launched] = await Promise.all([
      // Every AWS call takes 50 ms, and the buckets and IAM users need many more calls than the
      // other services: tasks finish over a few seconds, so progress has values to show between.
      startSim({ seed: 11, size: { buckets: 200, users: 150 }, regions: [...REGIONS], latencyMs: 50 }),
      launchChromium(),
    ]);
    sim = started;
    browser = launched;
    // One attempt per scan: an access-denied failure shows at once.
    server = new ServerProcess({ AWS_ENDPOINT_URL: sim.url, SCAN_MAX_ATTEMPTS: '1' });
    await server.start();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sim?.stop();
  });
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => screenshot(page, `failed-${task.name}`));
  });

  it('signs up and connects an account with access keys', async () => {
    await signUpInBrowser(page, server.url, 'carol-e2e@example.com');
    await connectWithKeys(page, 'Simulated staging');
  });

  it('shows the progress move live: queued or running, intermediate task counts, then completed', async () => {
    await pickRegions(page, REGIONS);
    await recordStatusLine(page);
    await page.getByRole('button', { name: 'Start scan' }).click();
    await page.waitForURL(/\/scans\/[^/]+$/);
    await page.locator('section[aria-label="Scan status"] progress').waitFor();
    await waitForStatus(page, 'Completed');
    const log = await statusLog(page);
    console.info(`simulator scan status line: ${log.join(' | ')}`);
    expect(log.some((t) => /^(Queued|Running)/.test(t)), log.join(' | ')).toBe(true);
    expect(log.some(intermediate), log.join(' | ')).toBe(true);
    expect(log.at(-1)).toMatch(/^Completed/);
    await page.locator('.findings-table tbody tr').first().waitFor();
  });

  it('a scan that fails shows the error card; Technical details show the AWS facts', async () => {
    // The account was verified on connect; now AWS starts refusing it.
    sim.setFaults([{ service: 'sts', kind: 'access-denied' }]);
    await page.getByRole('link', { name: '← Account' }).click();
    await page.getByRole('heading', { name: 'Start a scan' }).waitFor();
    await pickRegions(page, REGIONS);
    await page.getByRole('button', { name: 'Start scan' }).click();
    // Same regions and checks a moment ago: the recent results are offered; scan anyway.
    await page.getByRole('status').filter({ hasText: 'its results are reused' }).waitFor();
    await page.getByRole('button', { name: 'Scan anyway' }).click();
    await page.waitForURL(/\/scans\/[^/]+$/);
    failedUrl = page.url();
    await waitForStatus(page, 'Failed');

    const card = page.locator('section.error-card');
    await card.getByRole('heading', { name: 'The scan failed' }).waitFor();
    await card.getByText(/AWS refused access to this account/).waitFor();
    const toggle = card.getByRole('button', { name: 'Technical details' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const details = card.locator('dl.details-list');
    await details.waitFor();
    const text = await details.innerText();
    expect(text).toMatch(/AWS error code\s+AccessDenied/);
    expect(text).toMatch(/Service\s+sts/);
    expect(text).toMatch(/Request id\s+[0-9a-f-]{36}/);
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/); // never a stack trace
    await screenshot(page, 'error-card');
  });

  it('Retry, once the fault is cleared, runs the scan again and it completes', async () => {
    sim.setFaults([]);
    await page.locator('section.error-card').getByRole('button', { name: 'Retry' }).click();
    await page.waitForURL((url) => /\/scans\/[^/]+$/.test(url.pathname) && url.href !== failedUrl);
    await waitForStatus(page, 'Completed');
    await page.getByText(/attempt 2/).waitFor();
    expect(await page.locator('section.error-card').count()).toBe(0);
    await page.locator('.findings-table tbody tr').first().waitFor();
  });
});
