// Builds the dashboard before `npm start` when packages/web/dist is missing or older than its
// sources, so a fresh clone opens the whole product at http://localhost:3000 after `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'packages', 'web');
const built = join(web, 'dist', 'index.html');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(web, p)).filter((p) => existsSync(p));
const sources = Math.max(...inputs.map(newestMtime), newestMtime(join(root, 'packages', 'contract', 'src')));
if (existsSync(built) && statSync(built).mtimeMs >= sources) process.exit(0);

process.stdout.write('cloudsweep: building the web app (packages/web)...\n');
const vite = join(dirname(createRequire(join(web, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
const result = spawnSync(process.execPath, [vite, 'build', web, '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
if (result.status !== 0) {
  process.stderr.write('cloudsweep: the web app did not build; see the errors above (the API alone: node --import tsx packages/server/src/main.ts)\n');
  process.exit(result.status ?? 1);
}
