import type { Entity } from '@atrium/plugin-api';
import type { CatalogRule } from './CatalogRule';
import type { LocationSpec } from './LocationSpec';

/** Kinds a location registered through the API may bring in when `catalog.rules` is not configured. */
export const DEFAULT_API_LOCATION_KINDS = ['Component', 'API', 'Resource', 'System', 'Domain', 'Location'];

/** Where an entity came from, for the rules. */
export interface RuleContext {
  /** The location of the file the entity was read from. */
  location: LocationSpec;
  /** How the root location was declared: in config (trusted) or through the API. */
  origin: 'config' | 'api';
  /** The root location's own `rules` (config locations only). */
  locationRules?: CatalogRule[];
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\*\*|\*|\?)/)
    .map((part) =>
      part === '**'
        ? '.*'
        : part === '*'
          ? '[^/]*'
          : part === '?'
            ? '[^/]'
            : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

function ruleApplies(rule: CatalogRule, location: LocationSpec): boolean {
  if (!rule.locations) {
    return true;
  }
  return rule.locations.some(
    (matcher) =>
      matcher.type === location.type &&
      (matcher.target === undefined || matcher.target === location.target) &&
      (matcher.pattern === undefined || globToRegExp(matcher.pattern).test(location.target)) &&
      (matcher.exclude === undefined || !globToRegExp(matcher.exclude).test(location.target)),
  );
}

function ruleAllows(rule: CatalogRule, kind: string): boolean {
  return rule.allow.some((entry) => (typeof entry === 'string' ? entry : entry.kind).toLowerCase() === kind);
}

/**
 * Decides which kinds a location may bring in, as Backstage's `catalog.rules`
 * do: an entity is allowed when any global rule or any of its location's own
 * rules allows its kind for that location. Without `catalog.rules`, API
 * locations get {@link DEFAULT_API_LOCATION_KINDS} and config locations
 * without rules of their own are trusted with every kind.
 */
export function createCatalogRulesEnforcer(
  rules: CatalogRule[] | undefined,
): (entity: Entity, context: RuleContext) => boolean {
  const globals = rules ?? [{ allow: DEFAULT_API_LOCATION_KINDS }];
  return (entity, context) => {
    if (!rules && context.origin === 'config' && !context.locationRules) {
      return true;
    }
    const kind = entity.kind.toLowerCase();
    return [...globals, ...(context.locationRules ?? [])].some(
      (rule) => ruleApplies(rule, context.location) && ruleAllows(rule, kind),
    );
  };
}
