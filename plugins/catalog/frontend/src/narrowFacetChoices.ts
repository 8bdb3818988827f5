import type { FacetChoice } from './FacetChoice';

/** What {@link narrowFacetChoices} returns: the choices to list, and how many more match. */
export interface NarrowedFacetChoices {
  shown: FacetChoice[];
  /** Matches left out by the limit; the user types to narrow them down. */
  hidden: number;
}

/**
 * The choices that match what the user typed — anywhere in the label or the
 * value, ignoring case — most entities first, at most `limit` of them.
 *
 * @example
 * narrowFacetChoices(owners, 'pay', 50) // { shown: [payments (42), payroll (3)], hidden: 0 }
 */
export function narrowFacetChoices(
  choices: readonly FacetChoice[],
  query: string,
  limit: number,
): NarrowedFacetChoices {
  const needle = query.trim().toLowerCase();
  const matches = needle
    ? choices.filter(
        (choice) =>
          choice.label.toLowerCase().includes(needle) || choice.value.toLowerCase().includes(needle),
      )
    : [...choices];
  matches.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { shown: matches.slice(0, limit), hidden: Math.max(0, matches.length - limit) };
}
