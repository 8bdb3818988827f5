import type { FieldProblem } from './describeSchemaErrors';

type Node = Record<string, unknown>;

function pushFlattened(target: Node[], value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      pushFlattened(target, item);
    }
  } else if (value && typeof value === 'object') {
    target.push(value as Node);
  }
}

/** Checks the keys of objects that share one key path: array items share their array's path. */
function visit(nodes: Node[], path: string, problems: FieldProblem[]): void {
  const firstByLowerCase = new Map<string, string>();
  // Only items of one array need their children merged; a lone object recurses directly.
  const groups = nodes.length > 1 ? new Map<string, Node[]>() : undefined;
  for (const node of nodes) {
    for (const key of Object.keys(node)) {
      // Same result as Backstage's toLocaleLowerCase('en-US') (en has no special casing), many times faster.
      const lower = key.toLowerCase();
      const first = firstByLowerCase.get(lower);
      if (first === undefined) {
        firstByLowerCase.set(lower, key);
      } else if (first !== key) {
        problems.push({
          path: path ? `${path}.${key}` : key,
          message: `duplicates key '${path ? `${path}.${first}` : first}' except for letter case; keys must differ by more than case`,
        });
        // Keys below two case-duplicate parents would only repeat the parents' problem.
        continue;
      }
      const value = node[key];
      if (!value || typeof value !== 'object') {
        continue;
      }
      let group = groups?.get(key);
      if (groups && !group) {
        group = [];
        groups.set(key, group);
      }
      const children = group ?? [];
      pushFlattened(children, value);
      if (!groups && children.length > 0) {
        visit(children, path ? `${path}.${key}` : key, problems);
      }
    }
  }
  for (const [key, group] of groups ?? []) {
    if (group.length > 0) {
      visit(group, path ? `${path}.${key}` : key, problems);
    }
  }
}

/**
 * Finds keys that differ only in letter case, which Backstage rejects because its search
 * and filters compare keys case-insensitively.
 */
export function findCaseDuplicateKeys(document: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const roots: Node[] = [];
  pushFlattened(roots, document);
  visit(roots, '', problems);
  return problems;
}
