import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AccountPage } from './accounts/account-page.js';
import { AccountsPage } from './accounts/accounts-page.js';
import { useSession, useSignOut } from './api/auth.js';
import { AuditPage } from './audit/audit-page.js';
import { AuthPage } from './auth/auth-page.js';
import { ScanPage } from './scans/scan-page.js';
import { ErrorAlert, Skeleton } from './ui/feedback.js';
import { Link } from './ui/link.js';
import { useLocation } from './use-url-state.js';

function Page({ path }: { path: string }) {
  if (path === '/audit') return <AuditPage />;
  const scan = /^\/scans\/([^/]+)$/.exec(path);
  if (scan?.[1]) return <ScanPage key={scan[1]} scanId={decodeURIComponent(scan[1])} />;
  const account = /^\/accounts\/([^/]+)$/.exec(path);
  if (account?.[1]) return <AccountPage key={account[1]} accountId={decodeURIComponent(account[1])} />;
  return <AccountsPage />;
}

function Shell() {
  const session = useSession();
  const signOut = useSignOut();
  const { path } = useLocation();
  if (session.isPending) return <main className="container"><Skeleton lines={2} label="Loading Cloudsweep" /></main>;
  if (session.isError) return <main className="container"><ErrorAlert error={session.error} /></main>;
  if (!session.data) return <AuthPage />;
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <Link href="/accounts" className="brand">Cloudsweep</Link>
        <nav aria-label="Main">
          <Link href="/accounts" aria-current={path.startsWith('/accounts') || path === '/' ? 'page' : undefined}>Accounts</Link>
          <Link href="/audit" aria-current={path === '/audit' ? 'page' : undefined}>Audit log</Link>
        </nav>
        <span className="muted small user">{session.data.user.email}</span>
        <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>Sign out</button>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        <Page path={path} />
      </main>
    </>
  );
}

export function App({ client }: { client: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <Shell />
    </QueryClientProvider>
  );
}
