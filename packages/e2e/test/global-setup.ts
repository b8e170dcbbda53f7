// Before any browser starts: Chromium must be installed (a clear failure, never a skip), and the
// dashboard built and current (scripts/ensure-web-build.mjs rebuilds packages/web/dist when stale).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { assertChromiumInstalled, REPO_ROOT } from './e2e-kit.js';

export default function setup(): void {
  assertChromiumInstalled();
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'ensure-web-build.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the dashboard did not build (npm run build:web):\n${build.stdout}${build.stderr}`);
}
