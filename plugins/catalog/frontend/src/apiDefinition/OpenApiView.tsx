import { Tag } from '@atrium/plugin-api/frontend';
import { DefinitionHeader } from './DefinitionHeader';
import type { OpenApiContent, OpenApiOperation } from './OpenApiOperations';
import { parseOpenApi } from './parseOpenApi';
import { SchemaView } from './SchemaView';
import { summarizeSchema } from './summarizeSchema';

/** Props of {@link OpenApiView}. */
export interface OpenApiViewProps {
  /** The parsed OpenAPI document. */
  doc: unknown;
}

function Contents({ doc, contents }: { doc: unknown; contents: OpenApiContent[] }) {
  return (
    <>
      {contents.map((content) => (
        <div key={content.mediaType} className="api-operation__content">
          <code className="api-operation__media">{content.mediaType}</code>
          {content.schema === undefined ? null : <SchemaView doc={doc} schema={content.schema} />}
        </div>
      ))}
    </>
  );
}

function OperationView({ doc, operation }: { doc: unknown; operation: OpenApiOperation }) {
  return (
    <details className="api-operation">
      <summary className="api-operation__summary">
        <span className={`api-method api-method--${operation.method}`}>{operation.method.toUpperCase()}</span>
        <code className="api-operation__path">{operation.path}</code>
        <span className="api-operation__title">{operation.summary ?? operation.operationId ?? ''}</span>
        {operation.deprecated ? <Tag>deprecated</Tag> : null}
      </summary>
      <div className="api-operation__body">
        {operation.description ? <p>{operation.description}</p> : null}
        {operation.operationId ? (
          <p className="api-operation__id">
            Operation id: <code>{operation.operationId}</code>
          </p>
        ) : null}
        {operation.parameters.length > 0 ? (
          <>
            <h4>Parameters</h4>
            <table className="api-parameters">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">In</th>
                  <th scope="col">Type</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => {
                  const summary = summarizeSchema(doc, parameter.schema);
                  return (
                    <tr key={`${parameter.in}:${parameter.name}`}>
                      <td>
                        <code>{parameter.name}</code>
                        {parameter.required ? <span className="api-schema__required">required</span> : null}
                      </td>
                      <td>{parameter.in}</td>
                      <td>
                        {summary.type}
                        {summary.constraints.length > 0 ? (
                          <span className="api-parameters__constraints">
                            {' '}
                            ({summary.constraints.join('; ')})
                          </span>
                        ) : null}
                      </td>
                      <td>{parameter.description ?? summary.description ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        ) : null}
        {operation.requestBody ? (
          <>
            <h4>Request body{operation.requestBody.required ? ' (required)' : ''}</h4>
            {operation.requestBody.description ? <p>{operation.requestBody.description}</p> : null}
            <Contents doc={doc} contents={operation.requestBody.contents} />
          </>
        ) : null}
        {operation.responses.length > 0 ? (
          <>
            <h4>Responses</h4>
            {operation.responses.map((response) => (
              <div key={response.status} className="api-response">
                <p>
                  <span className={`api-status api-status--${response.status.charAt(0)}`}>
                    {response.status}
                  </span>{' '}
                  {response.description ?? ''}
                </p>
                <Contents doc={doc} contents={response.contents} />
              </div>
            ))}
          </>
        ) : null}
      </div>
    </details>
  );
}

/** An OpenAPI document as a list of operations; each opens to its parameters, request body and responses. */
export function OpenApiView({ doc }: OpenApiViewProps) {
  const api = parseOpenApi(doc);
  return (
    <div className="api-definition">
      <DefinitionHeader {...api} />
      <h3>Operations ({api.operations.length})</h3>
      {api.operations.length === 0 ? <p>This definition declares no operations.</p> : null}
      {api.operations.map((operation) => (
        <OperationView key={`${operation.method} ${operation.path}`} doc={doc} operation={operation} />
      ))}
    </div>
  );
}
