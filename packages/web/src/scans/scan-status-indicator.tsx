import type { LiveCounts, ScanLiveState, ScanStatus } from '@cloudsweep/contract';
import type { LiveTransport } from '../api/live.js';

export type IndicatorStatus = ScanStatus | 'idle';

const LABELS: Readonly<Record<IndicatorStatus, string>> = {
  idle: 'Not started',
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

interface Props {
  status: IndicatorStatus;
  progress?: ScanLiveState['progress'] | undefined;
  counts?: LiveCounts | undefined;
  /** How updates arrive; `polling` is said out loud because it is a degraded mode. */
  transport?: LiveTransport | undefined;
}

export function ScanStatusIndicator({ status, progress, counts, transport }: Props) {
  const active = status === 'queued' || status === 'running';
  const total = progress?.total ?? 0;
  const done = Math.min(progress?.done ?? 0, total);
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <section className={`status status-${status}`} aria-label="Scan status">
      <p role="status" aria-live="polite" className="status-line">
        <span className={`badge badge-${status}`}>{LABELS[status]}</span>
        {active && progress && (
          <span>
            {total > 0 ? `${done} of ${total} tasks` : 'Planning'}
            {progress.phase ? ` · ${progress.phase}` : ''}
          </span>
        )}
      </p>
      {active && (
        <progress max={total || 1} value={total > 0 ? done : undefined} aria-label={`Scan progress ${percent}%`}>
          {percent}%
        </progress>
      )}
      {counts && (counts.pass > 0 || counts.fail > 0 || counts.unknown > 0) && (
        <p className="muted small">
          {counts.fail} failing · {counts.pass} passing · {counts.unknown} unknown
        </p>
      )}
      {active && transport === 'polling' && (
        <p className="notice small" role="note">
          Live updates are unavailable; checking for progress every few seconds instead.
        </p>
      )}
      {active && transport === 'connecting' && <p className="muted small">Connecting to live updates…</p>}
    </section>
  );
}
