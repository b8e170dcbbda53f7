import type { Finding } from '@cloudsweep/contract';
import { useEffect, useRef } from 'react';
import { CopyButton } from '../ui/copy-button.js';
import { usd } from '../scans/scan-summary-cards.js';

/** Why it matters, how to fix it, compliance ids, the ARN to copy and the savings of a cost finding. */
export function FindingDetail({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [finding.id]);
  return (
    <aside className="detail card" aria-labelledby="finding-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="row spread">
        <h2 id="finding-title" tabIndex={-1} ref={heading}>{finding.title}</h2>
        <button type="button" onClick={onClose} aria-label="Close details">×</button>
      </div>
      <p>
        <span className={`badge sev-${finding.severity}`}>{finding.severity}</span>{' '}
        <span className={`badge result-${finding.status}`}>{finding.status}</span>{' '}
        <span className="muted small">{finding.kind} · {finding.service} · {finding.region} · <code>{finding.checkId}</code></span>
      </p>
      <p>{finding.message}</p>
      {finding.savings && (
        <p className="savings">
          Saves about <strong>{usd.format(finding.savings.monthlyUsd)}</strong> a month <span className="muted small">({finding.savings.basis})</span>
        </p>
      )}
      <h3>Why it matters</h3>
      <p>{finding.description}</p>
      <h3>How to fix it</h3>
      <p>{finding.remediation.text}</p>
      {finding.remediation.url && (
        <p>
          <a href={finding.remediation.url} target="_blank" rel="noreferrer noopener">AWS documentation (opens in a new tab)</a>
        </p>
      )}
      {finding.compliance.length > 0 && (
        <>
          <h3>Compliance</h3>
          <ul className="chips">{finding.compliance.map((c) => <li key={c}>{c}</li>)}</ul>
        </>
      )}
      <h3>Resource</h3>
      <p className="mono small break">{finding.resourceArn}</p>
      <CopyButton text={finding.resourceArn} label="Copy ARN" />
    </aside>
  );
}
