import type { CheckInfo } from '@cloudsweep/contract';
import { MultiSelect, type Selection } from '../ui/multi-select.js';

interface Props {
  value: Selection;
  onChange: (value: Selection) => void;
  /** From GET /api/checks; undefined while it loads. */
  checks: readonly CheckInfo[] | undefined;
}

/** Checks by title, id, service or kind; "All checks" runs the whole catalogue. */
export function CheckPicker({ value, onChange, checks }: Props) {
  const options = checks?.map((c) => ({ value: c.id, label: c.title, hint: `${c.id} · ${c.kind} · ${c.severity}` }));
  return (
    <MultiSelect legend="Checks" allLabel="All checks" allHint={checks ? `(${checks.length} security and cost checks)` : '(the whole catalogue)'}
      noun="checks" placeholder="e.g. s3, encryption or cost" options={options} value={value} onChange={onChange} />
  );
}
