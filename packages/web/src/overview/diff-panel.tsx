import type { Finding } from '@cloudsweep/contract';
import { useScanDiff, type DiffKind } from '../api/findings.js';
import { ErrorAlert, Skeleton } from '../ui/feedback.js';
import { Link } from '../ui/link.js';

interface Props {
  scanId: string;
  kind: DiffKind;
  onKind: (kind: DiffKind) => void;
}

/** The findings table of a scan filtered down to one finding (its check and resource). */
export function findingHref(finding: Pick<Finding, 'scanId' | 'checkId' | 'resourceId'>): string {
  const params = new URLSearchParams({ check: finding.checkId, q: finding.resourceId });
  return `/scans/${encodeURIComponent(finding.scanId)}?${params.toString()}`;
}

function DiffItem({ finding }: { finding: Finding }) {
  return (
    <li>
      <span className={`badge sev-${finding.severity}`}>{finding.severity}</span>{' '}
      <Link href={findingHref(finding)}>{finding.title}</Link>
      <div className="muted small"><span className="mono">{finding.resourceId}</span> · {finding.region}</div>
    </li>
  );
}

/** What changed since the previous completed scan: counts, then the new or resolved findings. */
export function DiffPanel({ scanId, kind, onKind }: Props) {
  const diff = useScanDiff(scanId, kind);
  const first = diff.data?.pages[0];
  const items = diff.data?.pages.flatMap((p) => p.items) ?? [];
  const moreFailed = diff.isFetchNextPageError ? diff.error : null;
  const heading = <h3 id="diff-title">Since the previous scan</h3>;
  if (diff.isPending) return <section className="card" aria-labelledby="diff-title">{heading}<Skeleton lines={3} label="Loading changes" /></section>;
  if (diff.isError || !first) return <section className="card" aria-labelledby="diff-title">{heading}<ErrorAlert error={diff.error} /></section>;
  const { counts, previousScanId } = first;
  const tab = (value: DiffKind, label: string, count: number) => (
    <button type="button" aria-pressed={kind === value} className={kind === value ? 'button-primary' : undefined} onClick={() => onKind(value)}>
      {label} ({count})
    </button>
  );
  return (
    <section className="card diff" aria-labelledby="diff-title">
      {heading}
      {previousScanId === null ? (
        <p className="muted">This is the first completed scan of the account, so every failing finding is new. The next scan shows what changed.</p>
      ) : (
        <p>
          <strong>{counts.new}</strong> new, <strong>{counts.resolved}</strong> resolved and {counts.unchanged} still failing since{' '}
          <Link href={`/scans/${encodeURIComponent(previousScanId)}`}>the previous scan</Link>.
        </p>
      )}
      <div className="row" role="group" aria-label="Show">
        {tab('new', 'New', counts.new)}
        {previousScanId !== null && tab('resolved', 'Resolved', counts.resolved)}
      </div>
      {items.length === 0 ? (
        <p className="muted small">{kind === 'new' ? 'No new failing findings.' : 'Nothing was resolved since the previous scan.'}</p>
      ) : (
        <ul className="history diff-list" aria-label={kind === 'new' ? 'New findings' : 'Resolved findings'} aria-busy={diff.isFetchingNextPage}>
          {items.map((f) => <DiffItem key={`${f.scanId}-${f.id}`} finding={f} />)}
        </ul>
      )}
      {diff.hasNextPage && (
        <button type="button" onClick={() => void diff.fetchNextPage()} disabled={diff.isFetchingNextPage}>
          {diff.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      )}
      <ErrorAlert error={moreFailed} />
    </section>
  );
}
