import type { ValidationProblem } from './ValidationProblem';

/**
 * One readable line naming the location, the document, the field and the rule.
 *
 * @example
 * formatValidationProblem({ location: 'file:/x/catalog-info.yaml', documentIndex: 1, path: 'spec.owner', message: "must have required property 'owner'" })
 * // "file:/x/catalog-info.yaml document 2: spec.owner: must have required property 'owner'"
 */
export function formatValidationProblem(problem: ValidationProblem): string {
  const document = problem.documentIndex === undefined ? '' : ` document ${problem.documentIndex + 1}`;
  const path = problem.path ? `${problem.path}: ` : '';
  return `${problem.location}${document}: ${path}${problem.message}`;
}
