// bench:web: the findings page of a 1,000,000-finding scan in Chromium, against the real server
// process on an embedded SQLite database seeded with the server's insertFindings. Prints the
// time from navigation to a rendered first page and from "Next" to the next page rendered
// (p50/p95 over RUNS), and the built app's JS size gzipped. Targets: <= 1 s, <= 200 ms, <= 300 KB.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDatabase } from '../../server/src/db/database.js';
import { insertFindings } from '../../server/src/modules/findings/findings.repository.js';
import { insertAccount, insertScan, syntheticResults } from '../../server/test/findings-test-kit.js';
import { launchChromium, PASSWORD, REPO_ROOT, ServerProcess } from '../test/e2e-kit.js';

const TOTAL = Number(process.env['BENCH_FINDINGS'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 20);
const BATCH = 10_000;

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function jsGzipBytes(): { files: number; raw: number; gzip: number } {
  const assets = join(REPO_ROOT, 'packages', 'web', 'dist', 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gzip = 0;
  for (const file of js) {
    const bytes = readFileSync(join(assets, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: js.length, raw, gzip };
}

const server = new ServerProcess({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
const browser = await launchChromium();
try {
  await server.start();
  const email = 'bench-web@example.com';
  const registered = await fetch(`${server.url}/api/auth/register`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${await registered.text()}`);
  const userId = ((await registered.json()) as { user: { id: string } }).user.id;

  process.stderr.write(`bench:web: inserting ${TOTAL.toLocaleString('en')} findings with insertFindings...\n`);
  const db = openDatabase({ kind: 'sqlite', file: join(server.dataDir, 'cloudsweep.db') });
  const accountId = await insertAccount(db.kysely, userId);
  const scanId = await insertScan(db.kysely, { userId, accountId });
  const ingestStart = performance.now();
  for (let from = 0; from < TOTAL; from += BATCH) {
    await insertFindings(db.kysely, scanId, syntheticResults(from, Math.min(BATCH, TOTAL - from)), db.sqlite);
  }
  const ingestSeconds = (performance.now() - ingestStart) / 1000;
  await db.close();

  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();

  const rows = page.locator('.findings-table tbody tr');
  const first: number[] = [];
  const next: number[] = [];
  // Run 0 warms the server's and the browser's caches; it is not counted.
  for (let run = 0; run <= RUNS; run += 1) {
    const started = performance.now();
    await page.goto(`${server.url}/scans/${scanId}`);
    await rows.first().waitFor();
    const firstMs = performance.now() - started;
    const topRow = await rows.first().innerText();

    const pager = page.getByRole('navigation', { name: 'Findings pages' });
    const clicked = performance.now();
    await pager.getByRole('button', { name: 'Next →' }).click();
    await page.waitForFunction(
      (before) => {
        const table = document.querySelector('.findings-table');
        const top = document.querySelector('.findings-table tbody tr');
        return table?.getAttribute('aria-busy') === 'false' && top !== null && (top as HTMLElement).innerText !== before;
      },
      topRow,
      { polling: 'raf' },
    );
    const nextMs = performance.now() - clicked;
    if (run > 0) {
      first.push(firstMs);
      next.push(nextMs);
    }
  }
  const size = jsGzipBytes();
  const version = browser.version();
  const ms = (v: number): string => `${v.toFixed(0)} ms`;
  const lines = [
    `bench:web — ${TOTAL.toLocaleString('en')} findings in one scan (SQLite, ingested in ${ingestSeconds.toFixed(1)} s), ${RUNS} runs, Chromium ${version}`,
    `| figure | p50 | p95 | max | target |`,
    `|---|---|---|---|---|`,
    `| navigation -> first findings page rendered | ${ms(percentile(first, 50))} | ${ms(percentile(first, 95))} | ${ms(Math.max(...first))} | <= 1 s |`,
    `| "Next" -> next page rendered | ${ms(percentile(next, 50))} | ${ms(percentile(next, 95))} | ${ms(Math.max(...next))} | <= 200 ms |`,
    `| built app JS (${size.files} file${size.files === 1 ? '' : 's'}) | ${(size.gzip / 1024).toFixed(1)} KB gzipped (${(size.raw / 1024).toFixed(1)} KB raw) | | | <= 300 KB gzipped |`,
  ];
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  await server.stop();
}
