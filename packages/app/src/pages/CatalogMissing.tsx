import { EmptyState } from '@atrium/plugin-api/frontend';

/** What the shell's catalog widgets show when the catalog plugin is not enabled. */
export function CatalogMissing({ what }: { what: string }) {
  return (
    <EmptyState
      icon="catalog"
      title={`${what} needs the catalog plugin`}
      description="Enable it in app-config.yaml under plugins.enabled.catalog and restart Atrium."
    />
  );
}
