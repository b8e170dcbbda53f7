import type { Finding } from '@cloudsweep/contract';
import { useState } from 'react';
import { useFindings } from '../api/findings.js';
import { ErrorAlert } from '../ui/feedback.js';
import { useUrlState, type UrlPatch } from '../use-url-state.js';
import { ExportLinks } from './export-links.js';
import { FindingDetail } from './finding-detail.js';
import { FindingsFilters } from './findings-filters.js';
import { FindingsTable } from './findings-table.js';
import { FILTER_KEYS, filterFromUrl, isFiltered, requestFromUrl, sortFromUrl, type FindingsFilter, type FindingSort } from './findings-url.js';

const PAGE_SIZE = 50;

/**
 * Filters, sort, the page's cursor and the open finding live in the URL (shareable); the cursors
 * of earlier pages are a stack in memory, reset whenever the filters or the sort change.
 */
export function FindingsView({ scanId }: { scanId: string }) {
  const [params, setParams] = useUrlState();
  const filter = filterFromUrl(params);
  const { sort, order } = sortFromUrl(params);
  const query = requestFromUrl(params, PAGE_SIZE);
  const scope = JSON.stringify([scanId, filter, sort, order]);
  const [stack, setStack] = useState<{ scope: string; cursors: Array<string | undefined> }>({ scope, cursors: [] });
  const cursors = stack.scope === scope ? stack.cursors : [];
  const findings = useFindings(scanId, query);
  const selectedId = Number(params.get('finding')) || undefined;
  const selected = findings.data?.items.find((f) => f.id === selectedId);

  const refilter = (patch: UrlPatch): void => {
    setStack({ scope: '', cursors: [] });
    setParams({ ...patch, cursor: undefined, finding: undefined });
  };
  const onFilter = (patch: Partial<FindingsFilter>): void => refilter(patch);
  const onSort = (next: FindingSort, nextOrder: 'asc' | 'desc'): void => refilter({ sort: next, order: nextOrder });
  const onNext = (cursor: string): void => {
    setStack({ scope, cursors: [...cursors, query.cursor] });
    setParams({ cursor, finding: undefined });
  };
  const onPrevious = (): void => {
    const previous = cursors.slice(0, -1);
    setStack({ scope, cursors: previous });
    // A shared link opened mid-list has no stack: Previous goes back to the first page.
    setParams({ cursor: cursors.at(-1), finding: undefined });
  };
  const clear = (): void => refilter(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])));

  return (
    <section className="findings" aria-labelledby="findings-title">
      <div className="row spread">
        <h2 id="findings-title">Findings</h2>
        <ExportLinks scanId={scanId} />
      </div>
      <FindingsFilters value={filter} onChange={onFilter} />
      <ErrorAlert error={findings.error} />
      <div className={selected ? 'split' : undefined}>
        <FindingsTable
          items={findings.data?.items}
          loading={findings.isPending}
          fetching={findings.isPlaceholderData}
          nextCursor={findings.data?.nextCursor ?? null}
          hasPrevious={cursors.length > 0 || query.cursor !== undefined}
          pageNumber={query.cursor === undefined ? 1 : cursors.length + 1}
          onNext={onNext}
          onPrevious={onPrevious}
          sort={sort}
          order={order}
          onSort={onSort}
          selectedId={selectedId}
          onSelect={(f: Finding) => setParams({ finding: f.id === selectedId ? undefined : String(f.id) })}
          filtered={isFiltered(filter)}
          onClearFilters={clear}
        />
        {selected && <FindingDetail finding={selected} onClose={() => setParams({ finding: undefined })} />}
      </div>
    </section>
  );
}
