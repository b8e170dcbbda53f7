import { CreateAccountBodySchema, RotateCredentialsBodySchema, type CreateAccountBody, type RotateCredentialsBody } from '@cloudsweep/contract';
import { useId, useState, type FormEvent } from 'react';
import { useRoleSetup } from '../api/accounts.js';
import { ErrorAlert } from '../ui/feedback.js';
import { RoleSetupPanel } from './role-setup-panel.js';

type Mode = 'role' | 'keys';
type Fields = { name: string; roleArn: string; accessKeyId: string; secretAccessKey: string; sessionToken: string };
const EMPTY: Fields = { name: '', roleArn: '', accessKeyId: '', secretAccessKey: '', sessionToken: '' };

interface Props<B> {
  /** Connecting asks for a name; rotating keeps the account's. */
  withName: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: B) => void;
}

function bodyOf(mode: Mode, f: Fields, withName: boolean, externalId: string | undefined): Record<string, unknown> {
  const base = withName ? { name: f.name } : {};
  if (mode === 'role') return { ...base, mode, roleArn: f.roleArn, ...(externalId ? { externalId } : {}) };
  return { ...base, mode, accessKeyId: f.accessKeyId, secretAccessKey: f.secretAccessKey, ...(f.sessionToken.trim() ? { sessionToken: f.sessionToken } : {}) };
}

/** Role (recommended) or access keys; each field is checked against the contract as it is typed. */
export function CredentialsForm<B extends CreateAccountBody | RotateCredentialsBody>({ withName, submitLabel, pending, error, onSubmit }: Props<B>) {
  const id = useId();
  const [mode, setMode] = useState<Mode>('role');
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const setup = useRoleSetup();
  const schema = withName ? CreateAccountBodySchema : RotateCredentialsBodySchema;
  const parsed = schema.safeParse(bodyOf(mode, fields, withName, setup.data?.externalId));
  const problems = new Map<string, string>();
  if (!parsed.success) for (const issue of parsed.error.issues) problems.set(String(issue.path[0]), issue.message);
  // As they type: a field's problem shows once it has content (or after a submit).
  const problemOf = (name: keyof Fields): string | undefined => ((submitted || fields[name] !== '') ? problems.get(name) : undefined);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setSubmitted(true);
    if (parsed.success) onSubmit(parsed.data as B);
  };

  const field = (name: keyof Fields, label: string, extra: { type?: string; hint?: string; autoComplete?: string } = {}) => {
    const problem = problemOf(name);
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input id={`${id}-${name}`} type={extra.type ?? 'text'} value={fields[name]} autoComplete={extra.autoComplete ?? 'off'} spellCheck={false}
          aria-invalid={problem ? true : undefined} aria-describedby={`${id}-${name}-msg`}
          onChange={(e) => setFields({ ...fields, [name]: e.target.value })} />
        <p id={`${id}-${name}-msg`} className={problem ? 'field-error' : 'muted small'}>{problem ?? extra.hint ?? ''}</p>
      </div>
    );
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
      {withName && field('name', 'Account name', { hint: 'How the account appears in Cloudsweep, e.g. Production.' })}
      <fieldset className="choices">
        <legend>Connect with</legend>
        <label className="check"><input type="radio" name={`${id}-mode`} checked={mode === 'role'} onChange={() => setMode('role')} /> IAM role (recommended)</label>
        <label className="check"><input type="radio" name={`${id}-mode`} checked={mode === 'keys'} onChange={() => setMode('keys')} /> Access keys</label>
      </fieldset>
      {mode === 'role' ? (
        <>
          {setup.data ? <RoleSetupPanel setup={setup.data} /> : (
            <button type="button" onClick={() => setup.mutate()} disabled={setup.isPending}>
              {setup.isPending ? 'Generating…' : 'Generate ExternalId and role template'}
            </button>
          )}
          <ErrorAlert error={setup.error} />
          {field('roleArn', 'Role ARN', { hint: 'Like arn:aws:iam::123456789012:role/cloudsweep-readonly' })}
        </>
      ) : (
        <>
          {field('accessKeyId', 'Access key id', { hint: '20 characters starting with AKIA (or ASIA for temporary keys).' })}
          {field('secretAccessKey', 'Secret access key', { type: 'password', hint: 'Stored encrypted; never shown again.', autoComplete: 'new-password' })}
          {field('sessionToken', 'Session token (temporary ASIA keys only)', { type: 'password', autoComplete: 'new-password' })}
        </>
      )}
      <ErrorAlert error={error} />
      <button type="submit" className="button-primary" disabled={pending}>{pending ? 'Verifying with AWS…' : submitLabel}</button>
    </form>
  );
}
