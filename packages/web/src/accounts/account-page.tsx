import type { Scan } from '@cloudsweep/contract';
import { SAMPLE_REGIONS, useAccount } from '../api/accounts.js';
import { useAccountScans } from '../api/scans.js';
import { StartScan } from '../scans/start-scan.js';
import { EmptyState, ErrorAlert, Skeleton } from '../ui/feedback.js';
import { Link } from '../ui/link.js';

function ScanRow({ scan }: { scan: Scan }) {
  const regions = scan.regions === 'all' ? 'all regions' : scan.regions.join(', ');
  const fails = scan.summary ? ` · ${scan.summary.byStatus.fail} failing` : '';
  return (
    <li>
      <Link href={`/scans/${scan.id}`}>{new Date(scan.createdAt).toLocaleString()}</Link>{' '}
      <span className={`badge badge-${scan.status}`}>{scan.status}</span>{' '}
      <span className="muted small">{regions}{fails}{scan.warnings.length > 0 ? ` · ${scan.warnings.length} warnings` : ''}</span>
    </li>
  );
}

/** One account: start a scan, and its scan history. Trends and diffs: a later session. */
export function AccountPage({ accountId }: { accountId: string }) {
  const account = useAccount(accountId);
  const scans = useAccountScans(accountId);
  if (account.isPending) return <Skeleton lines={3} label="Loading the account" />;
  if (account.isError) return <ErrorAlert error={account.error} />;
  const list = scans.data?.scans ?? [];
  return (
    <div className="stack">
      <p><Link href="/accounts">← Accounts</Link></p>
      <h1>{account.data.name}</h1>
      <div className="columns">
        <StartScan accountId={accountId} initialRegions={account.data.sample ? SAMPLE_REGIONS : 'all'} />
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">Scans</h2>
          {scans.isPending ? <Skeleton lines={3} label="Loading scans" /> : scans.isError ? <ErrorAlert error={scans.error} /> : list.length === 0 ? (
            <EmptyState title="No scans yet."><p>Pick regions and start the first scan.</p></EmptyState>
          ) : (
            <ul className="history">{list.map((s) => <ScanRow key={s.id} scan={s} />)}</ul>
          )}
        </section>
      </div>
    </div>
  );
}
