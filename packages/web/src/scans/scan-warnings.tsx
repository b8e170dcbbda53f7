import type { ScanWarning } from '@cloudsweep/contract';

/** Partial failures: the scan completed, but something could not be seen. Warnings, not errors. */
export function ScanWarnings({ warnings }: { warnings: readonly ScanWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="alert alert-warning" aria-label="Warnings">
      <h3>
        {warnings.length} warning{warnings.length === 1 ? '' : 's'}: some resources could not be checked
      </h3>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            {w.message}
            {(w.service || w.region) && <span className="muted"> ({[w.service, w.region].filter(Boolean).join(', ')})</span>}
            {w.permissions && w.permissions.length > 0 && (
              <span className="small"> Needs: <code>{w.permissions.join(', ')}</code></span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
