import { Card, EntityRefLink, Tag } from '@atrium/plugin-api/frontend';
import { useState } from 'react';
import { useShellServices } from '../services/useShellServices';

/** The home page's "Recently visited": entity pages this browser opened last. */
export function RecentlyVisitedCard() {
  const { recentlyVisited } = useShellServices();
  const [entries] = useState(() => recentlyVisited.list());
  return (
    <Card title="Recently visited">
      {entries.length === 0 ? (
        <p className="shell-muted">Entities you open show up here.</p>
      ) : (
        <ul className="shell-list">
          {entries.map((entry) => (
            <li key={entry.entityRef} className="shell-list__item">
              <EntityRefLink entityRef={entry.entityRef} title={entry.title} />
              <Tag>{entry.kind}</Tag>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
