import { DefinitionHeader } from './DefinitionHeader';
import { parseAsyncApi } from './parseAsyncApi';
import { SchemaView } from './SchemaView';

/** Props of {@link AsyncApiView}. */
export interface AsyncApiViewProps {
  /** The parsed AsyncAPI document. */
  doc: unknown;
}

/** An AsyncAPI document as its channels, each with its operations and their messages' payloads. */
export function AsyncApiView({ doc }: AsyncApiViewProps) {
  const api = parseAsyncApi(doc);
  return (
    <div className="api-definition">
      <DefinitionHeader
        {...api}
        servers={api.servers.map((s) => `${s.name}: ${s.url}${s.protocol ? ` (${s.protocol})` : ''}`)}
      />
      <h3>Channels ({api.channels.length})</h3>
      {api.channels.map((channel) => (
        <section key={channel.name} className="api-channel" aria-label={`Channel ${channel.name}`}>
          <h4 className="api-channel__name">
            <code>{channel.name}</code>
            {channel.address && channel.address !== channel.name ? <code> {channel.address}</code> : null}
          </h4>
          {channel.description ? <p>{channel.description}</p> : null}
          {channel.operations.map((operation) => (
            <div
              key={`${operation.action} ${operation.operationId ?? ''}`}
              className="api-channel__operation"
            >
              <p>
                <span className={`api-method api-method--${operation.action}`}>{operation.action}</span>{' '}
                {operation.operationId ? <code>{operation.operationId}</code> : null}{' '}
                {operation.summary ?? ''}
              </p>
              {operation.description ? <p>{operation.description}</p> : null}
              {operation.messages.map((message) => (
                <details key={message.name} className="api-operation">
                  <summary className="api-operation__summary">
                    <span className="api-message__name">{message.title ?? message.name}</span>
                    <span className="api-operation__title">{message.summary ?? ''}</span>
                  </summary>
                  <div className="api-operation__body">
                    {message.contentType ? (
                      <p>
                        Content type: <code>{message.contentType}</code>
                      </p>
                    ) : null}
                    {message.headers !== undefined ? (
                      <>
                        <h5>Headers</h5>
                        <SchemaView doc={doc} schema={message.headers} />
                      </>
                    ) : null}
                    {message.payload !== undefined ? (
                      <>
                        <h5>Payload</h5>
                        <SchemaView doc={doc} schema={message.payload} />
                      </>
                    ) : null}
                  </div>
                </details>
              ))}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
