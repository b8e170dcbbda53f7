import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { AWS_REGIONS, regionLabel } from './regions.js';

export type RegionSelection = 'all' | readonly string[];

interface Props {
  value: RegionSelection;
  onChange: (value: RegionSelection) => void;
  regions?: readonly string[];
}

/**
 * A searchable multi-select: type to filter, Enter picks the first match, Down moves into the
 * list; "All regions" scans whatever the account has enabled.
 */
export function RegionPicker({ value, onChange, regions = AWS_REGIONS }: Props) {
  const id = useId();
  const [search, setSearch] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const all = value === 'all';
  const selected = new Set(all ? [] : value);
  const needle = search.trim().toLowerCase();
  const matches = regions.filter((r) => regionLabel(r).toLowerCase().includes(needle));

  const toggle = (region: string): void => {
    const next = new Set(selected);
    if (next.has(region)) next.delete(region);
    else next.add(region);
    onChange(regions.filter((r) => next.has(r)));
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const first = matches[0];
      if (first) {
        toggle(first);
        setSearch('');
      }
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.current?.querySelector('input')?.focus();
    }
  };

  return (
    <fieldset className="region-picker">
      <legend>Regions</legend>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => onChange(e.target.checked ? 'all' : [])} />
        All regions <span className="muted">(every region enabled for the account)</span>
      </label>
      {!all && (
        <>
          <label htmlFor={`${id}-search`}>Search regions</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            placeholder="e.g. eu- or Frankfurt"
            aria-describedby={`${id}-hint`}
            aria-controls={`${id}-list`}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={onSearchKey}
          />
          <p id={`${id}-hint`} className="muted small">
            Enter picks the first match; Down arrow moves into the list. {selected.size} selected.
          </p>
          {selected.size > 0 && (
            <ul className="chips" aria-label="Selected regions">
              {[...selected].map((r) => (
                <li key={r}>
                  {r}
                  <button type="button" className="chip-remove" aria-label={`Remove ${r}`} onClick={() => toggle(r)}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <ul id={`${id}-list`} ref={list} className="region-list" aria-label="Regions to scan">
            {matches.map((r) => (
              <li key={r}>
                <label className="check">
                  <input type="checkbox" checked={selected.has(r)} onChange={() => toggle(r)} />
                  {regionLabel(r)}
                </label>
              </li>
            ))}
            {matches.length === 0 && <li className="muted">No region matches “{search}”.</li>}
          </ul>
        </>
      )}
    </fieldset>
  );
}
