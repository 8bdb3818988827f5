import { relationStyle } from './relationStyle';

/** Props of {@link RelationFilter}. */
export interface RelationFilterProps {
  types: readonly string[];
  hidden: ReadonlySet<string>;
  onToggle(type: string): void;
}

/** The legend of the graph's arrows, each relation type a checkbox that shows or hides it. */
export function RelationFilter({ types, hidden, onToggle }: RelationFilterProps) {
  return (
    <fieldset className="catalog-graph__filter">
      <legend>Relations</legend>
      {types.map((type) => {
        const { label, color } = relationStyle(type);
        return (
          <label key={type} className="catalog-graph__filter-item">
            <input type="checkbox" checked={!hidden.has(type)} onChange={() => onToggle(type)} />
            <span className="catalog-graph__swatch" style={{ backgroundColor: color }} aria-hidden="true" />
            {label}
          </label>
        );
      })}
    </fieldset>
  );
}
