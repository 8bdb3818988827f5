import { random } from './random.mjs';

/** The pseudo-random source of generated entity `i` of `kind`, so each entity depends on its index alone. */
export function seededRandom(kind, i) {
  return random(Math.imul(i + 1, 2654435761) ^ kind.length);
}
