/** How one relation type is drawn: its label in the legend and the colour of its arrows. */
export interface RelationStyle {
  label: string;
  color: string;
}

const known: Record<string, RelationStyle> = {
  ownedBy: { label: 'Owned by', color: '#8b5cf6' },
  dependsOn: { label: 'Depends on', color: '#ef4444' },
  providesApi: { label: 'Provides API', color: '#10b981' },
  consumesApi: { label: 'Consumes API', color: '#f59e0b' },
  partOf: { label: 'Part of', color: '#3b82f6' },
  memberOf: { label: 'Member of', color: '#ec4899' },
  childOf: { label: 'Child of', color: '#06b6d4' },
};

const spare = ['#84cc16', '#a855f7', '#14b8a6', '#f97316', '#64748b'];

/**
 * The label and colour of a relation type; types from custom kinds get a
 * label from their camelCase name and a colour picked from their name, so
 * they keep it between renders.
 *
 * @example
 * relationStyle('runsOn') // { label: 'Runs on', color: '#…' }
 */
export function relationStyle(type: string): RelationStyle {
  const style = known[type];
  if (style) {
    return style;
  }
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  let hash = 0;
  for (const char of type) {
    hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  }
  return {
    label: words.charAt(0).toUpperCase() + words.slice(1),
    color: spare[hash % spare.length] ?? '#64748b',
  };
}
