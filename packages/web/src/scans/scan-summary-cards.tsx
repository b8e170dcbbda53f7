import type { ScanSummary } from '@cloudsweep/contract';

export const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** The headline numbers of a completed scan; the account overview adds charts beside them. */
export function ScanSummaryCards({ summary }: { summary: ScanSummary }) {
  const cards: Array<[string, string]> = [
    ['Failing', String(summary.byStatus.fail)],
    ['Passing', String(summary.byStatus.pass)],
    ['Unknown', String(summary.byStatus.unknown)],
    ['Resources', String(summary.resources)],
    ['Monthly savings', usd.format(summary.monthlySavingsUsd)],
  ];
  return (
    <section aria-label="Summary">
      <ul className="cards">
        {cards.map(([label, value]) => (
          <li key={label} className="summary-card">
            <span className="summary-value">{value}</span>
            <span className="muted small">{label}</span>
          </li>
        ))}
      </ul>
      {summary.incomplete && <p className="notice small">The scan reached its deadline; these results are valid but incomplete.</p>}
    </section>
  );
}
