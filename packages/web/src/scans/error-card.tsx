import { useId, useState } from 'react';

const LABELS: Readonly<Record<string, string>> = {
  awsErrorCode: 'AWS error code',
  requestId: 'Request id',
  service: 'Service',
  region: 'Region',
  attempt: 'Attempt',
  httpStatus: 'HTTP status',
  step: 'Step',
};

// Defensive: whatever the server sends, a stack trace is never shown.
const HIDDEN = new Set(['stack', 'cause']);

interface Props {
  title: string;
  message: string;
  details?: Readonly<Record<string, unknown>> | null | undefined;
  onRetry?: (() => void) | undefined;
  retrying?: boolean;
}

function show(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** A failure for people: title and message first; the structured facts behind "Technical details". */
export function ErrorCard({ title, message, details, onRetry, retrying = false }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const rows = Object.entries(details ?? {}).filter(([k, v]) => v !== undefined && v !== null && !HIDDEN.has(k));
  return (
    <section className="error-card" role="alert" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p>{message}</p>
      <div className="row">
        {onRetry && (
          <button type="button" className="button-primary" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        )}
        {rows.length > 0 && (
          <button type="button" className="button-link" aria-expanded={open} aria-controls={`${id}-details`} onClick={() => setOpen(!open)}>
            Technical details
          </button>
        )}
      </div>
      {open && rows.length > 0 && (
        <dl id={`${id}-details`} className="details-list">
          {rows.map(([key, value]) => (
            <div key={key}>
              <dt>{LABELS[key] ?? key}</dt>
              <dd>
                <code>{show(value)}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
