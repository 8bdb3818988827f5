import { useApi, useSWR } from '@atrium/plugin-api/frontend';
import { useId } from 'react';

/** `GET /api/catalog/entity-facets?facet=kind`. */
interface KindFacets {
  facets: { kind?: Array<{ value: string; count: number }> };
}

/** Props of {@link KindSelect}. */
export interface KindSelectProps {
  /** The chosen kind, lower case; empty for every kind. */
  value: string;
  onChange(kind: string): void;
}

/** Chooses the kind to list, from the kinds the catalog holds (with their counts). */
export function KindSelect({ value, onChange }: KindSelectProps) {
  const api = useApi();
  const id = useId();
  const { data } = useSWR<KindFacets>(`${api.baseUrl}/entity-facets?facet=kind`);
  const kinds = [...(data?.facets.kind ?? [])].sort((a, b) => a.value.localeCompare(b.value));
  const known = kinds.some((kind) => kind.value.toLowerCase() === value);
  return (
    <div className="atrium-field catalog-filters__kind">
      <label htmlFor={id} className="atrium-field__label">
        Kind
      </label>
      <select id={id} className="atrium-input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All kinds</option>
        {kinds.map((kind) => (
          <option key={kind.value} value={kind.value.toLowerCase()}>
            {kind.value} ({kind.count})
          </option>
        ))}
        {/* A kind from the URL stays selectable before the facets arrive, or when none match it. */}
        {value && !known ? <option value={value}>{value}</option> : null}
      </select>
    </div>
  );
}
