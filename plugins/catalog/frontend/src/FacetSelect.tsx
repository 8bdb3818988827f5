import { useId } from 'react';
import type { FacetValue } from './FacetValue';

/** Props of {@link FacetSelect}. */
export interface FacetSelectProps {
  label: string;
  /** Shown for the empty value, e.g. "All kinds". */
  anyLabel: string;
  /** The chosen value; empty for any. */
  value: string;
  options: readonly FacetValue[];
  /** Maps an option to the value put in the URL, e.g. lower-casing kinds. */
  normalize?: (value: string) => string;
  onChange(value: string): void;
}

/** Chooses one value of a catalog facet, each option with its count. */
export function FacetSelect({
  label,
  anyLabel,
  value,
  options,
  normalize = (v) => v,
  onChange,
}: FacetSelectProps) {
  const id = useId();
  const sorted = [...options].sort((a, b) => a.value.localeCompare(b.value));
  const known = sorted.some((option) => normalize(option.value) === value);
  return (
    <div className="atrium-field catalog-filters__facet">
      <label htmlFor={id} className="atrium-field__label">
        {label}
      </label>
      <select id={id} className="atrium-input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{anyLabel}</option>
        {sorted.map((option) => (
          <option key={option.value} value={normalize(option.value)}>
            {option.value} ({option.count})
          </option>
        ))}
        {/* A value from the URL stays selectable before the facets arrive, or when none match it. */}
        {value && !known ? <option value={value}>{value}</option> : null}
      </select>
    </div>
  );
}
