import type { ComponentType } from 'react';

/** The four places a plugin can put UI, named as in `plugin.yaml` under `frontend:`. */
export type ContributionKind = 'pages' | 'entityTabs' | 'entityCards' | 'homeCards';

/**
 * Components keyed by the contribution ids declared in `plugin.yaml`. Each takes
 * no props: it reads the entity, identity, config and API through the hooks.
 */
export type ContributionComponents = Readonly<Record<string, ComponentType>>;

/** What {@link defineFrontendPlugin} takes. */
export interface FrontendPluginOptions {
  /** The plugin id; equals `id` in `plugin.yaml`. */
  id: string;
  /** Pages, mounted at their manifest `path` (and every path below it). */
  pages?: ContributionComponents;
  /** Entity page tabs, mounted at `<entity page>/<tab path>`. */
  entityTabs?: ContributionComponents;
  /** Cards on the overview tab of matching entities. */
  entityCards?: ContributionComponents;
  /** Cards on the home page. */
  homeCards?: ContributionComponents;
}

/** The frontend half of a plugin: the value its remote exposes under the manifest's `frontend.export`. */
export interface FrontendPlugin {
  /** Marks the value as made by {@link defineFrontendPlugin}; the shell refuses anything else. */
  readonly $$type: '@atrium/FrontendPlugin';
  readonly id: string;
  readonly pages: ContributionComponents;
  readonly entityTabs: ContributionComponents;
  readonly entityCards: ContributionComponents;
  readonly homeCards: ContributionComponents;
}
