import { InputError } from '../../common/errors/InputError';
import type {
  ContributionComponents,
  ContributionKind,
  FrontendPlugin,
  FrontendPluginOptions,
} from './FrontendPlugin';

const kebabId = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const kinds: ContributionKind[] = ['pages', 'entityTabs', 'entityCards', 'homeCards'];

/** React components are functions, or objects made by `lazy`, `memo` or `forwardRef`. */
function isComponent(value: unknown): boolean {
  return typeof value === 'function' || (typeof value === 'object' && value !== null && '$$typeof' in value);
}

function checkContributions(id: string, kind: ContributionKind, components: ContributionComponents = {}) {
  for (const [key, component] of Object.entries(components)) {
    if (!kebabId.test(key)) {
      throw new InputError(
        `Frontend plugin '${id}': ${kind} key '${key}' is not a kebab-case id from plugin.yaml`,
      );
    }
    if (!isComponent(component)) {
      throw new InputError(`Frontend plugin '${id}': ${kind}.${key} is not a React component`);
    }
  }
  return Object.freeze({ ...components });
}

/**
 * Declares the frontend half of a plugin: its components keyed by the ids that
 * `plugin.yaml` declares under `frontend.pages`, `entityTabs`, `entityCards` and
 * `homeCards`. Export the result under the name the manifest's `frontend.export` gives.
 *
 * @example
 * export const helloPlugin = defineFrontendPlugin({
 *   id: 'hello',
 *   pages: { 'hello-index': HelloPage },
 *   entityCards: { 'greeting': GreetingCard },
 * });
 */
export function defineFrontendPlugin(options: FrontendPluginOptions): FrontendPlugin {
  if (!kebabId.test(options.id)) {
    throw new InputError(`Frontend plugin id '${options.id}' is not kebab-case; use the id from plugin.yaml`);
  }
  const [pages, entityTabs, entityCards, homeCards] = kinds.map((kind) =>
    checkContributions(options.id, kind, options[kind]),
  ) as [ContributionComponents, ContributionComponents, ContributionComponents, ContributionComponents];
  return Object.freeze({
    $$type: '@atrium/FrontendPlugin',
    id: options.id,
    pages,
    entityTabs,
    entityCards,
    homeCards,
  });
}
