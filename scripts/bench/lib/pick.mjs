/** An element of `list`, chosen by the pseudo-random source `next`. */
export function pick(next, list) {
  return list[Math.floor(next() * list.length)];
}
