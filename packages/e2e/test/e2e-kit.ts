// Shared set-up for the end-to-end suites: the real server process (spawned like `npm start`
// would run it, on a temp DATA_DIR and a free port), Debian's Chromium driven by playwright-core,
// and helpers for screenshots and the dashboard's forms.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from '@cloudsweep/aws-sim/moto';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots');
const WEB_DIST_INDEX = join(REPO_ROOT, 'packages', 'web', 'dist', 'index.html');

/** moto and the simulator accept any AKIA-shaped keys. */
export const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const PASSWORD = 'correct-horse-battery-staple';

/** Debian's `chromium` package (stack.md); CHROMIUM_PATH overrides it. */
function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
];

/** Fails (never skips) when Chromium is missing, saying how to install it. */
export function assertChromiumInstalled(): void {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: the end-to-end tests need Debian's chromium. Install it with ` +
        '`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium` (.ci/run does), or set CHROMIUM_PATH.',
    );
  }
}

/**
 * One browser per test file. playwright's launch() gives Chromium a fresh temporary
 * --user-data-dir of its own (and deletes it on close); each user gets a new context.
 */
export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** `node --import tsx packages/server/src/main.ts`: the product as people run it, embedded SQLite. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  output = '';
  url = '';
  readonly dataDir: string;

  constructor(private readonly env: Readonly<Record<string, string>>, dataDir?: string) {
    this.dataDir = dataDir ?? mkdtempSync(join(tmpdir(), 'cloudsweep-e2e-'));
  }

  async start(): Promise<void> {
    if (!existsSync(WEB_DIST_INDEX)) throw new Error(`The dashboard is not built (${WEB_DIST_INDEX} is missing): run npm run build:web`);
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    this.child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...inherited, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        DATA_DIR: this.dataDir, PORT: String(port), HOST: '127.0.0.1', SAMPLE_ACCOUNT: 'false', LOG_LEVEL: 'warn',
        CLOUDSWEEP_MASTER_KEY: randomBytes(32).toString('base64'), AUTH_RATE_LIMIT_PER_MINUTE: '1000', RATE_LIMIT_PER_MINUTE: '100000',
        SCAN_RATE_LIMIT_PER_HOUR: '1000',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the server exited with code ${this.child.exitCode}:\n${this.output}`);
      const health = await fetch(`${this.url}/api/health`).catch(() => undefined);
      if (health?.ok) return;
      await sleep(100);
    }
    throw new Error(`the server did not answer /api/health within 30 s:\n${this.output}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** A file-system-safe name: the test's title. */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100);
}

/** Saves test-artifacts/screenshots/<name>.png (gitignored); never fails the test itself. */
export async function screenshot(page: Page | undefined, name: string): Promise<void> {
  if (!page || page.isClosed()) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${slug(name)}.png`), fullPage: true }).catch(() => undefined);
}

/** Signs up through the dashboard's own form (`/?mode=signup`) and waits for the signed-in shell. */
export async function signUpInBrowser(page: Page, baseUrl: string, email: string, shot?: string): Promise<void> {
  await page.goto(`${baseUrl}/?mode=signup`);
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  if (shot) await screenshot(page, shot);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Connects an account with access keys from the accounts page; ends on the account's page. */
export async function connectWithKeys(page: Page, name: string, shot?: string): Promise<void> {
  await page.getByRole('heading', { name: 'AWS accounts' }).waitFor();
  await page.getByRole('button', { name: 'Connect an account' }).click();
  await page.getByLabel('Account name').fill(name);
  await page.getByLabel('Access keys').check();
  await page.getByLabel('Access key id').fill(ACCESS_KEY_ID);
  await page.getByLabel('Secret access key').fill(SECRET_ACCESS_KEY);
  if (shot) await screenshot(page, shot);
  await page.getByRole('button', { name: 'Verify and connect' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Picks regions in the start-scan form (unticks "All regions", searches, Enter picks the first match). */
export async function pickRegions(page: Page, regions: readonly string[]): Promise<void> {
  const all = page.getByRole('checkbox', { name: /^All regions/ });
  if (await all.isChecked()) await all.uncheck();
  for (const region of regions) {
    const search = page.getByLabel('Search regions');
    await search.fill(region);
    await search.press('Enter');
  }
}

/**
 * Records every text the scan status line shows, from now on, in the page (a MutationObserver
 * survives the SPA's client-side navigations); read it back with statusLog().
 */
export async function recordStatusLine(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { __statusLog: string[] }).__statusLog = log;
    const read = (): void => {
      const line = document.querySelector('section[aria-label="Scan status"] [role="status"]');
      const text = line?.textContent?.trim();
      if (text && log.at(-1) !== text) log.push(text);
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export async function statusLog(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __statusLog?: string[] }).__statusLog ?? []);
}

/** Waits until the status badge reads `label` (e.g. Completed, Failed). */
export async function waitForStatus(page: Page, label: string, timeout = 45_000): Promise<void> {
  await page.locator('section[aria-label="Scan status"] .badge', { hasText: label }).waitFor({ timeout });
}
