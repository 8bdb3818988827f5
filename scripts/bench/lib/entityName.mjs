import { pick } from './pick.mjs';
import { seededRandom } from './seededRandom.mjs';
import { WORDS } from './WORDS.mjs';

/** The name of generated entity `i` of `kind` (group, user, system, api, resource or component). */
export function entityName(kind, i) {
  const next = seededRandom(kind, i);
  switch (kind) {
    case 'group':
      return `team-${pick(next, WORDS)}-${i}`;
    case 'user':
      return `user-${i}`;
    case 'system':
      return `${pick(next, WORDS)}-platform-${i}`;
    case 'api':
      return `${pick(next, WORDS)}-${pick(next, WORDS)}-${i}-api`;
    case 'resource':
      return `${pick(next, ['db', 'bucket', 'queue'])}-${pick(next, WORDS)}-${i}`;
    default:
      return `${pick(next, WORDS)}-${pick(next, WORDS)}-${i}`;
  }
}
