import { FINDING_KINDS, FINDING_SEVERITIES, FINDING_STATUSES } from '@cloudsweep/contract';
import { useEffect, useState, type FormEvent } from 'react';
import type { FindingsFilter } from './findings-url.js';

type ListKey = 'status' | 'severity' | 'kind';
type TextKey = 'service' | 'region' | 'check' | 'q';

interface Props {
  value: FindingsFilter;
  onChange: (patch: Partial<FindingsFilter>) => void;
}

const split = (text: string): string[] => text.split(',').map((v) => v.trim()).filter(Boolean);

function Choices({ name, options, value, onChange }: { name: ListKey; options: readonly string[]; value: string[]; onChange: Props['onChange'] }) {
  const toggle = (option: string): void =>
    onChange({ [name]: value.includes(option) ? value.filter((v) => v !== option) : [...value, option] });
  return (
    <fieldset className="choices">
      <legend>{name[0]?.toUpperCase() + name.slice(1)}</legend>
      {options.map((option) => (
        <label key={option} className="check">
          <input type="checkbox" checked={value.includes(option)} onChange={() => toggle(option)} />
          {option}
        </label>
      ))}
    </fieldset>
  );
}

const TEXT_FIELDS: ReadonlyArray<[TextKey, string, string]> = [
  ['q', 'Resource contains', 'ARN or id, e.g. prod-'],
  ['service', 'Services', 'e.g. s3, ec2'],
  ['region', 'Regions', 'e.g. eu-west-1'],
  ['check', 'Checks', 'e.g. s3.bucket-encryption'],
];

function textsOf(value: FindingsFilter): Record<TextKey, string> {
  return { q: value.q, service: value.service.join(', '), region: value.region.join(', '), check: value.check.join(', ') };
}

/** Checkboxes apply at once; text fields apply on Enter (or the Apply button). */
export function FindingsFilters({ value, onChange }: Props) {
  const [texts, setTexts] = useState(() => textsOf(value));
  const key = JSON.stringify(textsOf(value));
  // The URL changed (Back, a shared link, Clear): show what is applied.
  useEffect(() => setTexts(JSON.parse(key) as Record<TextKey, string>), [key]);

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    onChange({ q: texts.q.trim(), service: split(texts.service), region: split(texts.region), check: split(texts.check) });
  };

  return (
    <form className="filters" onSubmit={apply} aria-label="Filter findings">
      <Choices name="status" options={FINDING_STATUSES} value={value.status} onChange={onChange} />
      <Choices name="severity" options={FINDING_SEVERITIES} value={value.severity} onChange={onChange} />
      <Choices name="kind" options={FINDING_KINDS} value={value.kind} onChange={onChange} />
      <div className="filter-texts">
        {TEXT_FIELDS.map(([name, label, placeholder]) => (
          <label key={name}>
            {label}
            <input
              type={name === 'q' ? 'search' : 'text'}
              value={texts[name]}
              placeholder={placeholder}
              onChange={(e) => setTexts({ ...texts, [name]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit">Apply</button>
      </div>
    </form>
  );
}
