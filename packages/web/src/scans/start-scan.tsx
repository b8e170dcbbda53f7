import type { Scan } from '@cloudsweep/contract';
import { useState, type FormEvent } from 'react';
import { useStartScan } from '../api/scans.js';
import { ErrorAlert } from '../ui/feedback.js';
import { Link } from '../ui/link.js';
import { navigate } from '../use-url-state.js';
import { RegionPicker, type RegionSelection } from './region-picker.js';

function checksOf(text: string): string[] | undefined {
  const list = text.split(/[\s,]+/).map((c) => c.trim()).filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/** Regions, optional checks, start; a recent result of the same scope is offered instead of a rescan. */
export function StartScan({ accountId, initialRegions = 'all' }: { accountId: string; initialRegions?: RegionSelection }) {
  const [regions, setRegions] = useState<RegionSelection>(initialRegions);
  const [checks, setChecks] = useState('');
  const [reused, setReused] = useState<Scan | undefined>();
  const start = useStartScan(accountId);
  const noRegion = regions !== 'all' && regions.length === 0;

  const run = (force: boolean): void => {
    const list = checksOf(checks);
    start.mutate(
      { regions: regions === 'all' ? 'all' : [...regions], ...(list ? { checks: list } : {}), ...(force ? { force } : {}) },
      {
        onSuccess: (scan) => {
          if (scan.cached) setReused(scan);
          else navigate(`/scans/${scan.id}`);
        },
      },
    );
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setReused(undefined);
    run(false);
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="start-scan-title">
      <h2 id="start-scan-title">Start a scan</h2>
      <RegionPicker value={regions} onChange={setRegions} />
      <label htmlFor="scan-checks">Checks (optional)</label>
      <input id="scan-checks" value={checks} onChange={(e) => setChecks(e.target.value)} placeholder="e.g. s3, ec2.ebs-volume-encrypted" aria-describedby="scan-checks-hint" />
      <p id="scan-checks-hint" className="muted small">
        Check ids or whole services, separated by commas. Leave empty to run every check.
      </p>
      {noRegion && <p className="field-error">Pick at least one region, or All regions.</p>}
      <ErrorAlert error={start.error} />
      {reused && (
        <div className="alert alert-info" role="status">
          <p>
            A scan of the same regions and checks finished {new Date(reused.completedAt ?? reused.createdAt).toLocaleString()}; its results are
            reused instead of scanning again.
          </p>
          <div className="row">
            <Link className="button" href={`/scans/${reused.id}`}>View those results</Link>
            <button type="button" onClick={() => run(true)} disabled={start.isPending}>
              Scan anyway
            </button>
          </div>
        </div>
      )}
      <button type="submit" className="button-primary" disabled={start.isPending || noRegion}>
        {start.isPending ? 'Starting…' : 'Start scan'}
      </button>
    </form>
  );
}
