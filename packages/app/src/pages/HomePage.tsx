import { Card, parseEntityRef, useIdentity } from '@atrium/plugin-api/frontend';
import { useContext } from 'react';
import { SearchBox } from '../layout/SearchBox';
import { ContributionSlot } from '../plugins/ContributionSlot';
import { PluginsContext } from '../plugins/PluginsContext';
import { useDocumentTitle } from '../useDocumentTitle';
import { OwnedEntitiesCard } from './OwnedEntitiesCard';
import { RecentlyVisitedCard } from './RecentlyVisitedCard';

/** The home page: search, what I own, what I visited, and the cards plugins contribute. */
export function HomePage() {
  const plugins = useContext(PluginsContext);
  const { userEntityRef, displayName } = useIdentity();
  useDocumentTitle('Home');
  const cards = plugins.flatMap((plugin) =>
    (plugin.frontend?.homeCards ?? []).map((card) => ({ plugin, card })),
  );
  return (
    <div className="shell-home">
      <section className="shell-home__hero" aria-labelledby="home-title">
        <h1 id="home-title" className="shell-home__title">
          Welcome, {displayName ?? parseEntityRef(userEntityRef).name}
        </h1>
        <p className="shell-muted">Find any component, API, system or team in your organisation.</p>
        <SearchBox large />
      </section>
      <div className="shell-grid">
        <OwnedEntitiesCard />
        <RecentlyVisitedCard />
        {cards.map(({ plugin, card }) => (
          <Card key={`${plugin.id}/${card.id}`} title={card.title}>
            <ContributionSlot plugin={plugin} kind="homeCards" contributionId={card.id} />
          </Card>
        ))}
      </div>
    </div>
  );
}
