import { FINDING_SEVERITIES, type Scan, type ScanSummary } from '@cloudsweep/contract';

/** One bar: a label, its number, and where a click on the label leads (a filtered findings view). */
export interface BarRow {
  key: string;
  label: string;
  value: number;
  /** Said after the number, e.g. "12 passing" or "+3". */
  detail?: string;
  href?: string;
}

type Counts = Readonly<Record<string, { pass: number; fail: number; unknown: number }>>;

/** A completed scan, which always has a summary: what the overview and the trend show. */
export type CompletedScan = Scan & { summary: ScanSummary };

export const isCompleted = (s: Scan): s is CompletedScan => s.status === 'completed' && s.summary !== null;

const findingsOf = (scanId: string, filter: string): string => `/scans/${encodeURIComponent(scanId)}?status=fail&${filter}`;

/** Failing findings per severity, worst first, every severity present (a zero is information too). */
export function severityRows(scanId: string, summary: Pick<ScanSummary, 'bySeverity'>): BarRow[] {
  return FINDING_SEVERITIES.map((s) => ({ key: s, label: s, value: summary.bySeverity[s] ?? 0, href: findingsOf(scanId, `severity=${s}`) }));
}

/**
 * Failing findings per service or region, most failing first (then most checked, then by name);
 * past `limit` the rest are summed into one "n more" row so a 30-region scan stays readable.
 */
export function breakdownRows(scanId: string, counts: Counts, param: 'service' | 'region', limit = 8): BarRow[] {
  const rows = Object.entries(counts)
    .map(([name, c]) => ({ name, ...c, total: c.pass + c.fail + c.unknown }))
    .sort((a, b) => b.fail - a.fail || b.total - a.total || a.name.localeCompare(b.name));
  const shown: BarRow[] = rows.slice(0, limit).map((r) => ({
    key: r.name,
    label: r.name,
    value: r.fail,
    detail: `${r.pass} passing`,
    href: findingsOf(scanId, `${param}=${encodeURIComponent(r.name)}`),
  }));
  const rest = rows.slice(limit);
  if (rest.length > 0) {
    shown.push({
      key: '(more)',
      label: `${rest.length} more`,
      value: rest.reduce((n, r) => n + r.fail, 0),
      detail: `${rest.reduce((n, r) => n + r.pass, 0)} passing`,
    });
  }
  return shown;
}

/** A bar's width in percent of the largest; a non-zero value always shows a sliver. */
export function barPercent(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(2, Math.round((value / max) * 100));
}

/** Failing findings over the account's last completed scans, oldest first, each with its change. */
export function trendRows(scans: readonly Scan[], max = 10): BarRow[] {
  const done = scans
    .filter(isCompleted)
    .sort((a, b) => (a.completedAt ?? a.createdAt).localeCompare(b.completedAt ?? b.createdAt))
    .slice(-max);
  return done.map((s, i) => {
    const previous = done[i - 1]?.summary.byStatus.fail;
    const fail = s.summary.byStatus.fail;
    const change = previous === undefined ? undefined : fail - previous;
    return {
      key: s.id,
      label: new Date(s.completedAt ?? s.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
      value: fail,
      ...(change === undefined ? {} : { detail: change === 0 ? 'no change' : change > 0 ? `+${change}` : `−${-change}` }),
      href: `/scans/${encodeURIComponent(s.id)}`,
    };
  });
}

/** One sentence for the trend, so a screen-reader user hears the direction before the numbers. */
export function trendSentence(rows: readonly BarRow[]): string {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return 'No completed scans yet.';
  if (rows.length === 1) return `One completed scan: ${last.value} failing.`;
  const verb = last.value < first.value ? 'fell' : last.value > first.value ? 'rose' : 'stayed';
  const tail = verb === 'stayed' ? `at ${last.value}` : `from ${first.value} to ${last.value}`;
  return `Failing findings ${verb} ${tail} over the last ${rows.length} scans.`;
}
