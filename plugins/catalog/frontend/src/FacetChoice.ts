import type { FacetValue } from './FacetValue';

/** A facet value as a filter offers it: the text to show, and the full value when that text is shorter. */
export interface FacetChoice extends FacetValue {
  label: string;
  /** Secondary text, e.g. the full ref `group:default/payments` behind the label `payments`. */
  detail?: string;
}
