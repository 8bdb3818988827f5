import { type SchemaSummary, summarizeSchema } from './summarizeSchema';

/** Props of {@link SchemaView}. */
export interface SchemaViewProps {
  /** The whole document, to follow `$ref`s in. */
  doc: unknown;
  schema: unknown;
  /** Component names already drawn above; a schema that contains itself stops there. */
  trail?: readonly string[];
}

const hasBody = (summary: SchemaSummary) =>
  summary.properties.length > 0 || summary.variants.length > 0 || summary.items !== undefined;

function TypeLine({ summary }: { summary: SchemaSummary }) {
  return (
    <>
      <span className="api-schema__type">{summary.type}</span>
      {summary.constraints.map((constraint) => (
        <code key={constraint} className="api-schema__constraint">
          {constraint}
        </code>
      ))}
    </>
  );
}

function SchemaBody({
  doc,
  summary,
  trail,
}: {
  doc: unknown;
  summary: SchemaSummary;
  trail: readonly string[];
}) {
  const next = summary.refName ? [...trail, summary.refName] : trail;
  return (
    <>
      {summary.properties.length > 0 ? (
        <ul className="api-schema__properties">
          {summary.properties.map((property) => {
            const child = summarizeSchema(doc, property.schema);
            const cyclic = child.refName !== undefined && next.includes(child.refName);
            const itemChild = child.items === undefined ? undefined : summarizeSchema(doc, child.items);
            const expandable =
              !cyclic && hasBody(child) && (child.items === undefined || (itemChild && hasBody(itemChild)));
            return (
              <li key={property.name}>
                <code className="api-schema__name">{property.name}</code>
                {property.required ? (
                  <span className="api-schema__required" title="required">
                    required
                  </span>
                ) : null}{' '}
                <TypeLine summary={child} />
                {child.description ? <p className="api-schema__description">{child.description}</p> : null}
                {expandable ? (
                  <details className="api-schema__nested">
                    <summary>{child.refName ?? property.name} fields</summary>
                    <SchemaBody doc={doc} summary={child} trail={next} />
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {summary.items !== undefined ? <ItemsView doc={doc} items={summary.items} trail={next} /> : null}
      {summary.variants.map((variant, index) => {
        const child = summarizeSchema(doc, variant);
        return (
          <div key={index} className="api-schema__variant">
            <span className="api-schema__variant-label">{child.refName ?? `option ${index + 1}`}</span>{' '}
            <TypeLine summary={child} />
            {child.refName && next.includes(child.refName) ? null : (
              <SchemaBody doc={doc} summary={child} trail={next} />
            )}
          </div>
        );
      })}
    </>
  );
}

function ItemsView({ doc, items, trail }: { doc: unknown; items: unknown; trail: readonly string[] }) {
  const summary = summarizeSchema(doc, items);
  if (!hasBody(summary) || (summary.refName && trail.includes(summary.refName))) {
    return null;
  }
  return (
    <div className="api-schema__items">
      <span className="api-schema__variant-label">each item</span>
      <SchemaBody doc={doc} summary={summary} trail={trail} />
    </div>
  );
}

/**
 * A JSON Schema drawn for reading: its type and constraints, then its
 * properties (required ones marked), array items and alternatives, nested
 * objects folded under a disclosure.
 */
export function SchemaView({ doc, schema, trail = [] }: SchemaViewProps) {
  const summary = summarizeSchema(doc, schema);
  return (
    <div className="api-schema">
      <div className="api-schema__head">
        {summary.refName ? <span className="api-schema__ref">{summary.refName}</span> : null}
        <TypeLine summary={summary} />
      </div>
      {summary.description ? <p className="api-schema__description">{summary.description}</p> : null}
      <SchemaBody doc={doc} summary={summary} trail={trail} />
    </div>
  );
}
