import { useScanLive } from '../api/live.js';
import { isTerminal, useCancelScan, useRetryScan, useScan } from '../api/scans.js';
import { FindingsView } from '../findings/findings-view.js';
import { ErrorAlert, Skeleton } from '../ui/feedback.js';
import { Link } from '../ui/link.js';
import { navigate } from '../use-url-state.js';
import { ErrorCard } from './error-card.js';
import { ScanStatusIndicator } from './scan-status-indicator.js';
import { ScanSummaryCards } from './scan-summary-cards.js';
import { ScanWarnings } from './scan-warnings.js';

const POLL_MS = 3000;

export function ScanPage({ scanId }: { scanId: string }) {
  const first = useScan(scanId);
  const active = first.data !== undefined && !isTerminal(first.data);
  const live = useScanLive(scanId, active);
  // Polling only when the stream failed; useScan stops by itself once the scan ends.
  const scan = useScan(scanId, live.transport === 'polling' ? POLL_MS : false);
  const cancel = useCancelScan();
  const retry = useRetryScan();

  if (scan.isPending) return <Skeleton lines={4} label="Loading the scan" />;
  if (scan.isError || !scan.data) return <ErrorAlert error={scan.error} />;
  const record = scan.data;
  const state = live.state && !isTerminal(record) ? live.state : undefined;
  const status = state?.status ?? record.status;

  return (
    <div className="stack">
      <p>
        <Link href={`/accounts/${record.accountId}`}>← Account</Link>
      </p>
      <h1>Scan {record.regions === 'all' ? 'of all regions' : `of ${record.regions.join(', ')}`}</h1>
      <p className="muted small">
        Started {new Date(record.createdAt).toLocaleString()} by {record.startedBy.email}
        {record.attempt > 1 ? ` · attempt ${record.attempt}` : ''}
        {record.checks ? ` · checks: ${record.checks.join(', ')}` : ''}
      </p>
      <div className="row">
        <ScanStatusIndicator status={status} progress={state?.progress ?? record.progress} counts={state?.counts} transport={live.transport} />
        {(status === 'queued' || status === 'running') && (
          <button type="button" onClick={() => cancel.mutate(record.id)} disabled={cancel.isPending}>
            {cancel.isPending ? 'Cancelling…' : 'Cancel scan'}
          </button>
        )}
      </div>
      <ErrorAlert error={cancel.error ?? retry.error} />
      {record.status === 'failed' && (
        <ErrorCard
          title="The scan failed"
          message={record.error?.message ?? 'The scan stopped without a reason; retry it.'}
          details={record.error?.details}
          retrying={retry.isPending}
          onRetry={() => retry.mutate(record.id, { onSuccess: (next) => navigate(`/scans/${next.id}`) })}
        />
      )}
      {record.status === 'cancelled' && (
        <div className="alert alert-info">
          <p>The scan was cancelled; findings stored before that are shown below.</p>
          <button type="button" onClick={() => retry.mutate(record.id, { onSuccess: (next) => navigate(`/scans/${next.id}`) })}>
            Run it again
          </button>
        </div>
      )}
      <ScanWarnings warnings={record.warnings} />
      {record.summary && <ScanSummaryCards summary={record.summary} />}
      {isTerminal(record) ? <FindingsView scanId={record.id} /> : <p className="muted">Findings appear here when the scan completes.</p>}
    </div>
  );
}
