/** A query parameter that may be repeated, as a list of strings. */
export function queryParamList(value: unknown): string[] {
  if (value === undefined) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}
