import { MultiSelect, type Selection } from '../ui/multi-select.js';
import { regionLabel } from './region-names.js';

export type RegionSelection = Selection;

interface Props {
  value: RegionSelection;
  onChange: (value: RegionSelection) => void;
  /** From GET /api/regions; undefined while it loads. */
  regions: readonly string[] | undefined;
}

/** Regions by code or city; "All regions" scans whatever the account has enabled. */
export function RegionPicker({ value, onChange, regions }: Props) {
  return (
    <MultiSelect legend="Regions" allLabel="All regions" allHint="(every region enabled for the account)" noun="regions"
      placeholder="e.g. eu- or Frankfurt" options={regions?.map((r) => ({ value: r, label: regionLabel(r) }))} value={value} onChange={onChange} />
  );
}
