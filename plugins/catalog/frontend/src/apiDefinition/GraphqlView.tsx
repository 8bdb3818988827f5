import { useMemo } from 'react';
import { parseGraphqlTypes } from './parseGraphqlTypes';
import { tokenizeGraphql } from './tokenizeGraphql';

/** Props of {@link GraphqlView}. */
export interface GraphqlViewProps {
  sdl: string;
}

/** A GraphQL schema: its types listed with their fields, then the SDL itself, highlighted. */
export function GraphqlView({ sdl }: GraphqlViewProps) {
  const types = useMemo(() => parseGraphqlTypes(sdl), [sdl]);
  const tokens = useMemo(() => tokenizeGraphql(sdl), [sdl]);
  return (
    <div className="api-definition">
      <h3>Types ({types.length})</h3>
      <ul className="api-graphql__types">
        {types.map((type) => (
          <li key={`${type.kind} ${type.name}`}>
            <details>
              <summary>
                <span className="api-graphql__kind">{type.kind}</span>{' '}
                {type.kind === 'schema' ? null : <code>{type.name}</code>}
                {type.description ? <span className="api-operation__title"> {type.description}</span> : null}
              </summary>
              {type.fields.length > 0 ? (
                <ul className="api-graphql__fields">
                  {type.fields.map((field) => (
                    <li key={field.name}>
                      <code>{field.signature}</code>
                    </li>
                  ))}
                </ul>
              ) : null}
            </details>
          </li>
        ))}
      </ul>
      <h3>Schema</h3>
      <section aria-label="GraphQL schema">
        <pre className="api-graphql__sdl">
          {tokens.map((token) =>
            token.kind === 'whitespace' || token.kind === 'punctuation' ? (
              token.text
            ) : (
              <span key={token.start} className={`api-gql-${token.kind}`}>
                {token.text}
              </span>
            ),
          )}
        </pre>
      </section>
    </div>
  );
}
