import { useId } from 'react';
import { Link } from '../ui/link.js';
import { barPercent, type BarRow } from './chart-data.js';

interface Props {
  title: string;
  /** What the numbers count, for the column header ("Failing"). */
  unit: string;
  rows: readonly BarRow[];
  /** Colours the bars by row key (severity) when set. */
  tone?: 'severity';
  empty?: string;
}

/**
 * A bar chart that is a table: labels and numbers are text (screen readers read a table, a
 * keyboard reaches the links), the bars are decoration drawn with CSS.
 */
export function BarChart({ title, unit, rows, tone, empty = 'Nothing to show.' }: Props) {
  const id = useId();
  const max = Math.max(0, ...rows.map((r) => r.value));
  return (
    <figure className="chart card" aria-labelledby={id}>
      <figcaption><h3 id={id}>{title}</h3></figcaption>
      {rows.length === 0 ? <p className="muted small">{empty}</p> : (
        <table className="bars">
          <thead className="visually-hidden">
            <tr><th scope="col">{title}</th><th scope="col">{unit}</th><th scope="col">Bar</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.href ? <Link href={r.href}>{r.label}</Link> : r.label}</th>
                <td className="bar-value">
                  {r.value}
                  {r.detail && <span className="muted small"> · {r.detail}</span>}
                </td>
                <td className="bar-cell" aria-hidden="true">
                  <span className={`bar${tone === 'severity' ? ` bar-${r.key}` : ''}`} style={{ width: `${barPercent(r.value, max)}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
