import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectorsOf } from '../scan/plan.js';
import { allChecks } from './registry.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** `checks/ec2/volume-attached.ts` -> `ec2.volume-attached`, for files that define one. */
function definedIn(folder: string, marker: RegExp): Map<string, string> {
  const found = new Map<string, string>();
  for (const service of readdirSync(join(SRC, folder), { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(SRC, folder, service.name))) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const path = join(SRC, folder, service.name, file);
      if (marker.test(readFileSync(path, 'utf8'))) found.set(`${service.name}.${file.replace(/\.ts$/, '')}`, relative(SRC, path));
    }
  }
  return found;
}

describe('check registry', () => {
  const ids = allChecks.map((c) => c.id);

  it('is sorted by id with unique ids', () => {
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it('holds every check defined under checks/, each in the file its id names', () => {
    const files = definedIn('checks', /= defineCheck\(/);
    expect([...files.keys()].sort()).toEqual(ids);
  });

  it('has at least 40 checks, at least 8 of them cost checks', () => {
    expect(allChecks.length).toBeGreaterThanOrEqual(40);
    expect(allChecks.filter((c) => c.kind === 'cost').length).toBeGreaterThanOrEqual(8);
  });

  it.each(allChecks.map((c) => [c.id, c] as const))('%s has the metadata a finding needs', (_id, check) => {
    expect(check.title.length).toBeGreaterThan(10);
    expect(check.description.length).toBeGreaterThan(40);
    expect(check.remediation.text.length).toBeGreaterThan(10);
    expect(check.remediation.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    for (const ref of check.compliance) expect(ref).toMatch(/^CIS-5\.0:\d+(\.\d+)*$/);
    expect(Object.keys(check.uses).length).toBeGreaterThan(0);
    expect(() => check.settings.parse({})).not.toThrow();
  });
});

describe('collectors', () => {
  const collectors = collectorsOf(allChecks);

  it('every collector defined under collectors/ is used by a check, each in the file its id names', () => {
    const files = definedIn('collectors', /= defineCollector(<[^(]*>)?\(/);
    expect([...files.keys()].sort()).toEqual(collectors.map((c) => c.id));
  });

  it.each(collectors.map((c) => [c.id, c] as const))('%s declares the IAM actions it calls', (_id, collector) => {
    expect(collector.permissions.length).toBeGreaterThan(0);
    for (const action of collector.permissions) expect(action).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/);
  });
});
