import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Skeleton } from './feedback.js';

/** `all`: the "All …" box is ticked (no explicit list); otherwise the picked values, in option order. */
export type Selection = 'all' | readonly string[];

export interface Option {
  value: string;
  /** The checkbox's name; searched. */
  label: string;
  /** Extra words shown after the label and searched too (a check's id and service). */
  hint?: string;
}

interface Props {
  legend: string;
  /** e.g. "All regions"; the hint says what that means. */
  allLabel: string;
  allHint: ReactNode;
  /** e.g. "Search regions"; also names the lists ("Selected regions", "Regions to pick"). */
  noun: string;
  placeholder: string;
  options: readonly Option[] | undefined;
  value: Selection;
  onChange: (value: Selection) => void;
}

const matchesOf = (options: readonly Option[], search: string): Option[] => {
  const needle = search.trim().toLowerCase();
  return options.filter((o) => `${o.label} ${o.hint ?? ''}`.toLowerCase().includes(needle));
};

/**
 * A searchable multi-select with an "All" box: type to filter, Enter picks the first match, Down
 * moves into the list (then Tab/Space as usual). Chips remove a pick.
 */
export function MultiSelect({ legend, allLabel, allHint, noun, placeholder, options, value, onChange }: Props) {
  const id = useId();
  const [search, setSearch] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const all = value === 'all';
  const selected = new Set(all ? [] : value);
  const matches = matchesOf(options ?? [], search);

  const toggle = (picked: string): void => {
    const next = new Set(selected);
    if (next.has(picked)) next.delete(picked);
    else next.add(picked);
    onChange((options ?? []).map((o) => o.value).filter((v) => next.has(v)));
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const first = matches[0];
      if (first) {
        toggle(first.value);
        setSearch('');
      }
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.current?.querySelector('input')?.focus();
    }
  };

  return (
    <fieldset className="multi-select">
      <legend>{legend}</legend>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => onChange(e.target.checked ? 'all' : [])} />
        {allLabel} <span className="muted">{allHint}</span>
      </label>
      {!all && !options && <Skeleton lines={3} label={`Loading ${noun}`} />}
      {!all && options && (
        <>
          <label htmlFor={`${id}-search`}>Search {noun}</label>
          <input id={`${id}-search`} type="search" value={search} placeholder={placeholder} aria-describedby={`${id}-hint`}
            aria-controls={`${id}-list`} onChange={(e) => setSearch(e.target.value)} onKeyDown={onSearchKey} />
          <p id={`${id}-hint`} className="muted small">
            Enter picks the first match; Down arrow moves into the list. {selected.size} selected.
          </p>
          {selected.size > 0 && (
            <ul className="chips" aria-label={`Selected ${noun}`}>
              {[...selected].map((v) => (
                <li key={v}>
                  {v}
                  <button type="button" className="chip-remove" aria-label={`Remove ${v}`} onClick={() => toggle(v)}>×</button>
                </li>
              ))}
            </ul>
          )}
          <ul id={`${id}-list`} ref={list} className="option-list" aria-label={`${noun[0]?.toUpperCase()}${noun.slice(1)} to pick`}>
            {matches.map((o) => (
              <li key={o.value}>
                <label className="check">
                  <input type="checkbox" checked={selected.has(o.value)} onChange={() => toggle(o.value)} />
                  {o.label}
                  {o.hint && <span className="muted small"> {o.hint}</span>}
                </label>
              </li>
            ))}
            {matches.length === 0 && <li className="muted">No {noun.replace(/s$/, '')} matches “{search}”.</li>}
          </ul>
        </>
      )}
    </fieldset>
  );
}
