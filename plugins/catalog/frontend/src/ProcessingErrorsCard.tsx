import { Tag, useEntity } from '@atrium/plugin-api/frontend';

/**
 * The overview's processing-errors card: the errors and warnings the catalog
 * recorded on the entity (`status.items`), such as a source that failed to
 * read or a conflict with another location. With none it renders only a
 * marker, which the plugin's stylesheet uses to hide the whole card frame
 * the shell draws around it.
 */
export function ProcessingErrorsCard() {
  const { entity } = useEntity();
  const items = (entity.status?.items ?? []).filter(
    (item) => item.level === 'error' || item.level === 'warning',
  );
  if (items.length === 0) {
    return <span className="catalog-status catalog-status--ok" hidden />;
  }
  return (
    <div className="catalog-status" role="alert">
      <p className="catalog-status__lead">
        The catalog could not fully process this entity; it shows the last good version.
      </p>
      <ul className="catalog-status__list">
        {items.map((item, index) => (
          // Two items may carry the same message; their position tells them apart.
          <li key={index}>
            <Tag tone={item.level === 'error' ? 'danger' : 'warning'}>{item.level}</Tag>{' '}
            {item.error?.name ? <strong>{item.error.name}: </strong> : null}
            {item.error?.message ?? item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
