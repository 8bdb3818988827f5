/** The median of `values` (the upper one of an even count); `values` is left unsorted. */
export function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}
