import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGES = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Which of our packages each package may import (DESIGN.md: imports point one way). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'aws-sim': [],
  engine: [],
  cli: ['engine'],
  contract: [],
  // The sample account is backed by the simulator at run time (DESIGN.md: aws-sim serves
  // "tests, benchmarks and the sample account"); it never reaches a real AWS account.
  server: ['engine', 'contract', 'aws-sim'],
  web: ['contract'],
  // End-to-end tests and bench:web drive the real server (spawned, or its database helpers for
  // seeding the benchmark) and the simulator/moto; nothing ships from this package.
  e2e: ['contract', 'aws-sim', 'server', 'engine'],
};
// Tests and benchmarks may drive the simulator (and moto through it); shipped code may not.
const TEST_ONLY = ['aws-sim'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js)$/.test(name) ? [path] : [];
  });
}

function importedPackages(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from\s+'@cloudsweep\/([\w-]+)/g)].map((m) => m[1] ?? '');
}

describe('package boundaries', () => {
  const packages = readdirSync(PACKAGES).filter((p) => statSync(join(PACKAGES, p)).isDirectory());

  it.each(packages)('%s imports only what it may', (pkg) => {
    const allowed = ALLOWED[pkg];
    expect(allowed, `no rule for package ${pkg}: add it to ALLOWED`).toBeDefined();
    const violations = sourceFiles(join(PACKAGES, pkg)).flatMap((file) => {
      const isTestOrBench = /\.test\.tsx?$|\/test\/|\/bench\//.test(file);
      return importedPackages(file)
        .filter((dep) => dep !== pkg && !allowed?.includes(dep) && !(isTestOrBench && TEST_ONLY.includes(dep)))
        .map((dep) => `${file.slice(PACKAGES.length + 1)} imports @cloudsweep/${dep}`);
    });
    expect(violations).toEqual([]);
  });
});
