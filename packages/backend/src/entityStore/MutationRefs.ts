import { InputError } from '@atrium/plugin-api';

/** The refs a mutation has named so far: each may appear once, as an upsert or as a delete. */
export class MutationRefs {
  readonly #seen = new Set<string>();

  /** Throws `InputError` when the mutation named `ref` before. */
  add(ref: string): void {
    if (this.#seen.has(ref)) {
      throw new InputError(`Entity '${ref}' appears more than once in one mutation`);
    }
    this.#seen.add(ref);
  }
}
