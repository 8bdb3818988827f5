import { InputError } from '@atrium/plugin-api';

const kebabCase = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** PostgreSQL truncates identifiers longer than this, so two long namespaces could collide. */
const maxLength = 63;

/** Throws an InputError unless `namespace` is a kebab-case name usable as a schema and a file name. */
export function validateNamespace(namespace: string): void {
  if (!kebabCase.test(namespace) || namespace.length > maxLength) {
    throw new InputError(
      `Invalid database namespace '${namespace}': use kebab-case of at most ${maxLength} characters, e.g. 'my-plugin'`,
    );
  }
}
