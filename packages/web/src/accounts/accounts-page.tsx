import type { Account, CreateAccountBody, RotateCredentialsBody } from '@cloudsweep/contract';
import { useState } from 'react';
import { useAccounts, useCreateAccount, useDeleteAccount, useRotateCredentials, useTrySample } from '../api/accounts.js';
import { EmptyState, ErrorAlert, Skeleton } from '../ui/feedback.js';
import { Link } from '../ui/link.js';
import { navigate } from '../use-url-state.js';
import { CredentialsForm } from './credentials-form.js';

function describe(account: Account): string {
  if (account.sample) return 'Sample data from the built-in simulator';
  const who = account.mode === 'role' ? account.roleArn : account.accessKeyId;
  return [account.awsAccountId && `AWS ${account.awsAccountId}`, who].filter(Boolean).join(' · ');
}

function AccountRow({ account }: { account: Account }) {
  const [panel, setPanel] = useState<'none' | 'rotate' | 'remove'>('none');
  const rotate = useRotateCredentials(account.id);
  const remove = useDeleteAccount();
  return (
    <li className="card account">
      <div className="row spread">
        <div>
          <h3><Link href={`/accounts/${account.id}`}>{account.name}</Link></h3>
          <p className="muted small">{describe(account)}</p>
          <p className="small">{account.verifiedAt ? `Verified ${new Date(account.verifiedAt).toLocaleString()}` : 'Not verified yet'}</p>
        </div>
        <div className="row">
          <Link className="button button-primary" href={`/accounts/${account.id}`}>Scan</Link>
          {!account.sample && <button type="button" aria-expanded={panel === 'rotate'} onClick={() => setPanel(panel === 'rotate' ? 'none' : 'rotate')}>Rotate credentials</button>}
          <button type="button" aria-expanded={panel === 'remove'} onClick={() => setPanel(panel === 'remove' ? 'none' : 'remove')}>Remove</button>
        </div>
      </div>
      {panel === 'rotate' && (
        <CredentialsForm<RotateCredentialsBody> withName={false} submitLabel="Verify and replace" pending={rotate.isPending} error={rotate.error}
          onSubmit={(body) => rotate.mutate(body, { onSuccess: () => setPanel('none') })} />
      )}
      {panel === 'remove' && (
        <div className="alert alert-warning" role="alert">
          <p>Remove {account.name}? Its stored credentials, scans and findings are deleted.</p>
          <div className="row">
            <button type="button" className="button-danger" disabled={remove.isPending} onClick={() => remove.mutate(account.id)}>
              {remove.isPending ? 'Removing…' : 'Yes, remove it'}
            </button>
            <button type="button" onClick={() => setPanel('none')}>Keep it</button>
          </div>
          <ErrorAlert error={remove.error} />
        </div>
      )}
      {panel === 'none' && rotate.isSuccess && <p role="status" className="small">Credentials replaced and verified.</p>}
    </li>
  );
}

/** One click: the sample account (created once) and a scan of its regions, then the live status page. */
function SampleButton() {
  const sample = useTrySample();
  return (
    <div>
      <button type="button" onClick={() => sample.mutate(undefined, { onSuccess: (scan) => navigate(`/scans/${scan.id}`) })} disabled={sample.isPending}>
        {sample.isPending ? 'Preparing the sample…' : 'Try the sample account'}
      </button>
      <ErrorAlert error={sample.error} />
    </div>
  );
}

export function AccountsPage() {
  const accounts = useAccounts();
  const create = useCreateAccount();
  const [connecting, setConnecting] = useState(false);
  const list = accounts.data ?? [];
  return (
    <div className="stack">
      <div className="row spread">
        <h1>AWS accounts</h1>
        <div className="row">
          <SampleButton />
          <button type="button" className="button-primary" aria-expanded={connecting} onClick={() => setConnecting(!connecting)}>Connect an account</button>
        </div>
      </div>
      {connecting && (
        <section className="card" aria-labelledby="connect-title">
          <h2 id="connect-title">Connect an AWS account</h2>
          <CredentialsForm<CreateAccountBody> withName submitLabel="Verify and connect" pending={create.isPending} error={create.error}
            onSubmit={(body) => create.mutate(body, { onSuccess: (account) => { setConnecting(false); navigate(`/accounts/${account.id}`); } })} />
        </section>
      )}
      {accounts.isPending ? <Skeleton lines={4} label="Loading accounts" /> : accounts.isError ? <ErrorAlert error={accounts.error} /> : list.length === 0 ? (
        <EmptyState title="No AWS accounts yet.">
          <p>Connect one with a read-only role, or try the sample account to see Cloudsweep work in a minute.</p>
        </EmptyState>
      ) : (
        <ul className="list">{list.map((a) => <AccountRow key={a.id} account={a} />)}</ul>
      )}
    </div>
  );
}
