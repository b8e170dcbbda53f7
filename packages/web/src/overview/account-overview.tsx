import { ScanSummaryCards } from '../scans/scan-summary-cards.js';
import { Link } from '../ui/link.js';
import { useUrlState } from '../use-url-state.js';
import { BarChart } from './bar-chart.js';
import { breakdownRows, severityRows, type CompletedScan } from './chart-data.js';
import { DiffPanel } from './diff-panel.js';

/** The results of one completed scan (the URL's `?scan=`, else the latest): cards, charts, changes. */
export function AccountOverview({ scan }: { scan: CompletedScan }) {
  const [params, setParams] = useUrlState();
  const kind = params.get('diff') === 'resolved' ? 'resolved' : 'new';
  const { summary } = scan;
  const when = new Date(scan.completedAt ?? scan.createdAt).toLocaleString();
  return (
    <section className="stack" aria-labelledby="overview-title">
      <div className="row spread">
        <h2 id="overview-title">Overview <span className="muted small">of the scan completed {when}</span></h2>
        <Link className="button" href={`/scans/${encodeURIComponent(scan.id)}`}>All findings of this scan</Link>
      </div>
      <ScanSummaryCards summary={summary} />
      <div className="charts">
        <BarChart title="Failing by severity" unit="Failing" tone="severity" rows={severityRows(scan.id, summary)} />
        <BarChart title="Failing by service" unit="Failing" rows={breakdownRows(scan.id, summary.byService, 'service')} empty="No service was checked." />
        <BarChart title="Failing by region" unit="Failing" rows={breakdownRows(scan.id, summary.byRegion, 'region')} empty="No region was checked." />
      </div>
      <DiffPanel scanId={scan.id} kind={kind} onKind={(next) => setParams({ diff: next === 'new' ? undefined : next }, { replace: true })} />
    </section>
  );
}
