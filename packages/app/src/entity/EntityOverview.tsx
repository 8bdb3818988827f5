import { Card, EmptyState, type Entity } from '@atrium/plugin-api/frontend';
import { useContext } from 'react';
import { ContributionSlot } from '../plugins/ContributionSlot';
import { matchesEntityFilter } from '../plugins/matchesEntityFilter';
import { PluginsContext } from '../plugins/PluginsContext';

/** The overview tab: every plugin card whose `when` matches the entity; the shell adds none of its own. */
export function EntityOverview({ entity }: { entity: Entity }) {
  const plugins = useContext(PluginsContext);
  const cards = plugins.flatMap((plugin) =>
    (plugin.frontend?.entityCards ?? [])
      .filter((card) => matchesEntityFilter(card.when, entity))
      .map((card) => ({ plugin, card })),
  );
  if (cards.length === 0) {
    return (
      <EmptyState
        title="No overview cards for this entity"
        description="Overview cards come from plugins: enable one that contributes entity cards for this kind, such as the catalog."
      />
    );
  }
  return (
    <div className="shell-grid">
      {cards.map(({ plugin, card }) => (
        <Card key={`${plugin.id}/${card.id}`} title={card.title}>
          <ContributionSlot plugin={plugin} kind="entityCards" contributionId={card.id} />
        </Card>
      ))}
    </div>
  );
}
