import type { Finding } from '@cloudsweep/contract';
import { EmptyState, Skeleton } from '../ui/feedback.js';
import type { FindingSort } from './findings-url.js';

interface Props {
  items: readonly Finding[] | undefined;
  loading: boolean;
  /** A new page is on its way while the previous one stays visible. */
  fetching?: boolean;
  nextCursor: string | null;
  hasPrevious: boolean;
  pageNumber: number;
  onNext: (cursor: string) => void;
  onPrevious: () => void;
  sort: FindingSort;
  order: 'asc' | 'desc' | undefined;
  onSort: (sort: FindingSort, order: 'asc' | 'desc') => void;
  selectedId?: number | undefined;
  onSelect: (finding: Finding) => void;
  filtered: boolean;
  onClearFilters?: () => void;
}

const COLUMNS: ReadonlyArray<[FindingSort | null, string]> = [
  ['severity', 'Severity'],
  [null, 'Status'],
  ['check', 'Finding'],
  ['resource', 'Resource'],
  ['region', 'Region'],
];

const defaultOrder = (sort: FindingSort): 'asc' | 'desc' => (sort === 'severity' ? 'desc' : 'asc');

/** One server-side page of findings; the caller owns the cursors (next from the page, previous from its stack). */
export function FindingsTable(props: Props) {
  const { items, loading, fetching = false, nextCursor, hasPrevious, pageNumber, sort, order, onSort, selectedId, onSelect } = props;
  if (loading && !items) return <Skeleton lines={8} label="Loading findings" />;
  const currentOrder = order ?? defaultOrder(sort);

  const header = (key: FindingSort | null, label: string) => {
    if (!key) return <th key={label} scope="col">{label}</th>;
    const active = key === sort;
    const nextOrder = active ? (currentOrder === 'asc' ? 'desc' : 'asc') : defaultOrder(key);
    return (
      <th key={label} scope="col" aria-sort={active ? (currentOrder === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort" onClick={() => onSort(key, nextOrder)}>
          {label}
          <span aria-hidden="true">{active ? (currentOrder === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="findings-table" aria-busy={fetching}>
      {items && items.length === 0 ? (
        props.filtered ? (
          <EmptyState title="No findings match these filters.">
            <p>Widen the filters, or clear them to see everything this scan found.</p>
            {props.onClearFilters && <button type="button" onClick={props.onClearFilters}>Clear filters</button>}
          </EmptyState>
        ) : (
          <EmptyState title="This scan has no findings.">
            <p>Nothing was checked in the selected regions: start a scan of more regions or all checks.</p>
          </EmptyState>
        )
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Findings, page {pageNumber}</caption>
            <thead>
              <tr>{COLUMNS.map(([key, label]) => header(key, label))}</tr>
            </thead>
            <tbody>
              {items?.map((f) => (
                <tr key={f.id} className={f.id === selectedId ? 'selected' : undefined}>
                  <td><span className={`badge sev-${f.severity}`}>{f.severity}</span></td>
                  <td><span className={`badge result-${f.status}`}>{f.status}</span></td>
                  <td>
                    <button type="button" className="button-link row-open" aria-expanded={f.id === selectedId} onClick={() => onSelect(f)}>
                      {f.title}
                    </button>
                    <div className="muted small">{f.message}</div>
                  </td>
                  <td className="mono small">{f.resourceId}</td>
                  <td>{f.region}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Findings pages">
        <button type="button" onClick={props.onPrevious} disabled={!hasPrevious || fetching}>
          ← Previous
        </button>
        <span aria-live="polite">Page {pageNumber}</span>
        <button type="button" onClick={() => nextCursor && props.onNext(nextCursor)} disabled={!nextCursor || fetching}>
          Next →
        </button>
      </nav>
    </div>
  );
}
