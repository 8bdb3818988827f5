import { ErrorPanel } from '@atrium/plugin-api/frontend';
import type { PluginListItem } from './PluginListItem';

/** The error card a failed contribution leaves in its own slot: which plugin, and why. */
export function ContributionError({
  plugin,
  what,
  error,
  onRetry,
}: {
  plugin: PluginListItem;
  /** e.g. "failed to load" or "failed while rendering". */
  what: string;
  error: unknown;
  onRetry?: () => void;
}) {
  return (
    <ErrorPanel
      title={`The ${plugin.title} plugin (${plugin.id}) ${what}`}
      error={error}
      {...(onRetry ? { onRetry } : {})}
    >
      <p className="shell-muted">The rest of the portal keeps working.</p>
    </ErrorPanel>
  );
}
