import { Card, type Entity } from '@atrium/plugin-api/frontend';
import { useContext } from 'react';
import { ContributionSlot } from '../plugins/ContributionSlot';
import { matchesEntityFilter } from '../plugins/matchesEntityFilter';
import { PluginsContext } from '../plugins/PluginsContext';
import { AboutCard } from './AboutCard';

/** The overview tab: the shell's About card, then every plugin card whose `when` matches the entity. */
export function EntityOverview({ entity }: { entity: Entity }) {
  const plugins = useContext(PluginsContext);
  const cards = plugins.flatMap((plugin) =>
    (plugin.frontend?.entityCards ?? [])
      .filter((card) => matchesEntityFilter(card.when, entity))
      .map((card) => ({ plugin, card })),
  );
  return (
    <div className="shell-grid">
      <AboutCard entity={entity} />
      {cards.map(({ plugin, card }) => (
        <Card key={`${plugin.id}/${card.id}`} title={card.title}>
          <ContributionSlot plugin={plugin} kind="entityCards" contributionId={card.id} />
        </Card>
      ))}
    </div>
  );
}
