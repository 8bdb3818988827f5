/** Props of {@link DefinitionHeader}. */
export interface DefinitionHeaderProps {
  title?: string;
  version?: string;
  description?: string;
  servers: string[];
}

/** The title, version, description and servers at the top of an OpenAPI or AsyncAPI definition. */
export function DefinitionHeader({ title, version, description, servers }: DefinitionHeaderProps) {
  return (
    <header className="api-definition__header">
      {title ? (
        <h2 className="api-definition__title">
          {title}
          {version ? <span className="api-definition__version">v{version}</span> : null}
        </h2>
      ) : null}
      {description ? <p className="api-definition__description">{description}</p> : null}
      {servers.length > 0 ? (
        <p className="api-definition__servers">
          Servers:{' '}
          {servers.map((server) => (
            <code key={server}>{server}</code>
          ))}
        </p>
      ) : null}
    </header>
  );
}
