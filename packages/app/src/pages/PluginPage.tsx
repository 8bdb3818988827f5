import type { ManifestPage } from '@atrium/plugin-api/frontend';
import { ContributionSlot } from '../plugins/ContributionSlot';
import type { PluginListItem } from '../plugins/PluginListItem';
import { useDocumentTitle } from '../useDocumentTitle';

/** A page a plugin contributes, at its manifest path. */
export function PluginPage({ plugin, page }: { plugin: PluginListItem; page: ManifestPage }) {
  useDocumentTitle(page.title);
  return <ContributionSlot plugin={plugin} kind="pages" contributionId={page.id} />;
}
