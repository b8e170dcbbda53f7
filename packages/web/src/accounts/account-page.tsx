import type { Scan } from '@cloudsweep/contract';
import { SAMPLE_REGIONS, useAccount } from '../api/accounts.js';
import { useAccountScans } from '../api/scans.js';
import { AccountOverview } from '../overview/account-overview.js';
import { BarChart } from '../overview/bar-chart.js';
import { isCompleted, trendRows, trendSentence } from '../overview/chart-data.js';
import { StartScan } from '../scans/start-scan.js';
import { EmptyState, ErrorAlert, Skeleton } from '../ui/feedback.js';
import { Link } from '../ui/link.js';
import { useUrlState } from '../use-url-state.js';

function ScanRow({ scan, shown }: { scan: Scan; shown: boolean }) {
  const regions = scan.regions === 'all' ? 'all regions' : scan.regions.join(', ');
  const fails = scan.summary ? ` · ${scan.summary.byStatus.fail} failing` : '';
  return (
    <li>
      <Link href={`/scans/${scan.id}`}>{new Date(scan.createdAt).toLocaleString()}</Link>{' '}
      <span className={`badge badge-${scan.status}`}>{scan.status}</span>{' '}
      <span className="muted small">{regions}{fails}{scan.warnings.length > 0 ? ` · ${scan.warnings.length} warnings` : ''}</span>{' '}
      {isCompleted(scan) && (shown
        ? <span className="small" aria-current="true">(in the overview)</span>
        : <Link className="small" href={`?scan=${encodeURIComponent(scan.id)}`}>Show in the overview</Link>)}
    </li>
  );
}

/** One account: the overview of a completed scan, starting a scan, and the scan history with its trend. */
export function AccountPage({ accountId }: { accountId: string }) {
  const account = useAccount(accountId);
  const scans = useAccountScans(accountId);
  const [params] = useUrlState();
  if (account.isPending) return <Skeleton lines={3} label="Loading the account" />;
  if (account.isError) return <ErrorAlert error={account.error} />;
  const list = scans.data?.scans ?? [];
  const completed = list.filter(isCompleted);
  const shown = completed.find((s) => s.id === params.get('scan')) ?? completed[0];
  const trend = trendRows(list);
  return (
    <div className="stack">
      <p><Link href="/accounts">← Accounts</Link></p>
      <h1>{account.data.name}</h1>
      {scans.isPending ? <Skeleton lines={6} label="Loading the overview" /> : shown ? <AccountOverview key={shown.id} scan={shown} /> : !scans.isError && (
        <EmptyState title="No results for this account yet.">
          <p>{list.length > 0 ? 'A scan is on its way or did not complete; open it from the list below.' : 'Start a scan below: the overview, charts and changes appear here when it completes.'}</p>
        </EmptyState>
      )}
      <div className="columns">
        <StartScan accountId={accountId} initialRegions={account.data.sample ? SAMPLE_REGIONS : 'all'} />
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">Scan history</h2>
          {scans.isPending ? <Skeleton lines={3} label="Loading scans" /> : scans.isError ? <ErrorAlert error={scans.error} /> : list.length === 0 ? (
            <EmptyState title="No scans yet."><p>Pick regions and start the first scan.</p></EmptyState>
          ) : (
            <>
              <p>{trendSentence(trend)}</p>
              {trend.length > 1 && <BarChart title="Failing findings, last scans" unit="Failing" rows={trend} />}
              <h3>All scans</h3>
              <ul className="history">{list.map((s) => <ScanRow key={s.id} scan={s} shown={s.id === shown?.id} />)}</ul>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
