import { EXPORT_FORMATS } from '@cloudsweep/contract';

const LABELS: Readonly<Record<(typeof EXPORT_FORMATS)[number], string>> = { csv: 'CSV', json: 'JSON', sarif: 'SARIF' };

/** Plain download links: the browser sends the session cookie and streams the file to disk. */
export function ExportLinks({ scanId }: { scanId: string }) {
  return (
    <nav className="exports" aria-label="Export findings">
      <span className="muted small">Download every finding of this scan:</span>
      {EXPORT_FORMATS.map((format) => (
        <a key={format} className="button button-small" download href={`/api/scans/${encodeURIComponent(scanId)}/export?format=${format}`}>
          {LABELS[format]}
        </a>
      ))}
    </nav>
  );
}
