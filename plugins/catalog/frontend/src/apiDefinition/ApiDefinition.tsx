import './apiDefinition.css';
import { EmptyState, ErrorPanel, Progress, useEntity } from '@atrium/plugin-api/frontend';
import { useEffect, useState } from 'react';
import { AsyncApiView } from './AsyncApiView';
import { GraphqlView } from './GraphqlView';
import { OpenApiView } from './OpenApiView';
import { parseDefinitionDocument } from './parseDefinitionDocument';
import { RawDefinitionView } from './RawDefinitionView';

type Parsed = { doc: unknown; error?: undefined } | { doc?: undefined; error: unknown };

/** Reads `spec.definition`, parsed when the type is a document format; `undefined` while parsing. */
function useParsedDefinition(definition: string, parse: boolean): Parsed | undefined {
  const [parsed, setParsed] = useState<{ definition: string; result: Parsed }>();
  useEffect(() => {
    if (!parse) {
      return;
    }
    let current = true;
    parseDefinitionDocument(definition).then(
      (doc) => current && setParsed({ definition, result: { doc } }),
      (error: unknown) => current && setParsed({ definition, result: { error } }),
    );
    return () => {
      current = false;
    };
  }, [definition, parse]);
  return parsed?.definition === definition ? parsed.result : undefined;
}

/**
 * The body of {@link ApiDefinitionTab}: OpenAPI as operations, AsyncAPI as
 * channels, GraphQL as types and highlighted SDL, anything else as text; the
 * source is always one click away, with a copy button.
 */
export function ApiDefinition() {
  const { entity } = useEntity();
  const type = String(entity.spec?.type ?? '').toLowerCase();
  const raw = entity.spec?.definition;
  const definition = typeof raw === 'string' ? raw : raw === undefined ? '' : JSON.stringify(raw, null, 2);
  const isDocument = type === 'openapi' || type === 'asyncapi';
  const parsed = useParsedDefinition(definition, isDocument && definition !== '');
  const label = `Definition of ${entity.metadata.title ?? entity.metadata.name}`;
  if (definition.trim() === '') {
    return <EmptyState icon="api" title="No definition" description="This API's spec.definition is empty." />;
  }
  const source = <RawDefinitionView definition={definition} label={label} />;
  if (isDocument) {
    if (!parsed) {
      return <Progress label="Reading the definition" />;
    }
    if (parsed.error !== undefined) {
      return (
        <>
          <ErrorPanel title={`The ${type} definition could not be parsed`} error={parsed.error} />
          {source}
        </>
      );
    }
  }
  const rendered =
    type === 'openapi' ? (
      <OpenApiView doc={parsed?.doc} />
    ) : type === 'asyncapi' ? (
      <AsyncApiView doc={parsed?.doc} />
    ) : type === 'graphql' ? (
      <GraphqlView sdl={definition} />
    ) : undefined;
  if (!rendered) {
    return source;
  }
  return (
    <>
      {rendered}
      <details className="api-definition__source">
        <summary>Source</summary>
        {source}
      </details>
    </>
  );
}
