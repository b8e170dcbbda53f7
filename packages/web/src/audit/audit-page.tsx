import type { AuditEvent } from '@cloudsweep/contract';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useAuditEvents } from '../api/audit.js';
import { EmptyState, ErrorAlert, Skeleton } from '../ui/feedback.js';
import { Link } from '../ui/link.js';

const ACTIONS: Readonly<Record<string, string>> = {
  'auth.sign_up': 'Signed up',
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.sign_out': 'Signed out',
  'account.create': 'Connected an account',
  'account.delete': 'Removed an account',
  'account.rotate': 'Replaced credentials',
  'account.verify_failed': 'Account verification failed',
  'scan.start': 'Started a scan',
  'scan.cached': 'Reused recent scan results',
  'scan.cancel': 'Cancelled a scan',
  'scan.retry': 'Retried a scan',
  'scan.complete': 'Scan completed',
  'scan.fail': 'Scan failed',
};

/** "account.create" reads as "Account create" when there is no nicer name for it. */
export function actionLabel(action: string): string {
  const known = ACTIONS[action];
  if (known) return known;
  const words = action.replace(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Target({ event }: { event: AuditEvent }) {
  if (!event.targetType || !event.targetId) return <span className="muted">—</span>;
  const id = encodeURIComponent(event.targetId);
  const href = event.targetType === 'scan' ? `/scans/${id}` : event.targetType === 'account' && event.action !== 'account.delete' ? `/accounts/${id}` : undefined;
  const text = `${event.targetType} ${event.targetId}`;
  return href ? <Link href={href} className="mono small">{text}</Link> : <span className="mono small">{text}</span>;
}

function Row({ event, focusRef }: { event: AuditEvent; focusRef?: RefObject<HTMLTableRowElement | null> | undefined }) {
  return (
    <tr ref={focusRef} tabIndex={focusRef ? -1 : undefined}>
      <td><time dateTime={event.createdAt}>{new Date(event.createdAt).toLocaleString()}</time></td>
      <td><span title={event.action}>{actionLabel(event.action)}</span></td>
      <td><Target event={event} /></td>
      <td className="mono small">{event.ip}</td>
      <td className="ua small">{event.userAgent || <span className="muted">unknown</span>}</td>
    </tr>
  );
}

/** What happened on this user's account (sign-ins, connected accounts, scans), newest first. */
export function AuditPage() {
  const audit = useAuditEvents();
  const events = audit.data?.pages.flatMap((p) => p.events) ?? [];
  const count = events.length;
  // "Load more" remembers where the new rows start and moves focus there once they arrive.
  const [mark, setMark] = useState<number | null>(null);
  const firstNew = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (mark !== null && count > mark) firstNew.current?.focus();
  }, [mark, count]);
  const more = (): void => {
    setMark(count);
    void audit.fetchNextPage();
  };
  return (
    <div className="stack">
      <h1>Audit log</h1>
      <p className="muted">Your own events: sign-ins, connected and removed accounts, scans started and cancelled. Newest first.</p>
      {audit.isPending ? <Skeleton lines={6} label="Loading the audit log" /> : audit.isError && events.length === 0 ? <ErrorAlert error={audit.error} /> : events.length === 0 ? (
        <EmptyState title="No events yet."><p>Events appear here as you sign in, connect accounts and run scans.</p></EmptyState>
      ) : (
        <>
          <div className="table-scroll audit">
            <table aria-busy={audit.isFetchingNextPage}>
              <caption className="visually-hidden">Audit events, newest first</caption>
              <thead>
                <tr><th scope="col">Time</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">IP address</th><th scope="col">Browser (user agent)</th></tr>
              </thead>
              <tbody>
                {events.map((e, i) => <Row key={e.id} event={e} focusRef={i === mark ? firstNew : undefined} />)}
              </tbody>
            </table>
          </div>
          <p className="muted small" aria-live="polite">{count} event{count === 1 ? '' : 's'} shown{audit.hasNextPage ? '' : ', the whole log'}.</p>
          <ErrorAlert error={audit.isFetchNextPageError ? audit.error : null} />
          {audit.hasNextPage && (
            <button type="button" onClick={more} disabled={audit.isFetchingNextPage}>
              {audit.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </>
      )}
    </div>
  );
}
