import type { Scan } from '@cloudsweep/contract';
import { useState, type FormEvent } from 'react';
import { useChecks, useRegions } from '../api/catalogue.js';
import { useStartScan } from '../api/scans.js';
import { ErrorAlert } from '../ui/feedback.js';
import { Link } from '../ui/link.js';
import type { Selection } from '../ui/multi-select.js';
import { navigate } from '../use-url-state.js';
import { CheckPicker } from './check-picker.js';
import { RegionPicker, type RegionSelection } from './region-picker.js';

/** Regions, optional checks, start; a recent result of the same scope is offered instead of a rescan. */
export function StartScan({ accountId, initialRegions = 'all' }: { accountId: string; initialRegions?: RegionSelection }) {
  const [regions, setRegions] = useState<RegionSelection>(initialRegions);
  const [checks, setChecks] = useState<Selection>('all');
  const [reused, setReused] = useState<Scan | undefined>();
  const start = useStartScan(accountId);
  const regionList = useRegions();
  const checkList = useChecks();
  const noRegion = regions !== 'all' && regions.length === 0;
  const noCheck = checks !== 'all' && checks.length === 0;

  const run = (force: boolean): void => {
    start.mutate(
      { regions: regions === 'all' ? 'all' : [...regions], ...(checks === 'all' ? {} : { checks: [...checks] }), ...(force ? { force } : {}) },
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
      <RegionPicker value={regions} onChange={setRegions} regions={regionList.data} />
      <ErrorAlert error={regionList.error} />
      {noRegion && <p className="field-error">Pick at least one region, or All regions.</p>}
      <CheckPicker value={checks} onChange={setChecks} checks={checkList.data} />
      <ErrorAlert error={checkList.error} />
      {noCheck && <p className="field-error">Pick at least one check, or All checks.</p>}
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
      <button type="submit" className="button-primary" disabled={start.isPending || noRegion || noCheck}>
        {start.isPending ? 'Starting…' : 'Start scan'}
      </button>
    </form>
  );
}
