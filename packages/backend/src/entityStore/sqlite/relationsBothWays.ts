/**
 * SQL of the `(source_ref, target_ref)` pairs of one relation type in both
 * directions: relations of that type, and relations whose inverse has that
 * type, turned around. Each relation is stored once, as its originator made it.
 * Takes the parameters of {@link relationsBothWaysParams}.
 */
export const relationsBothWays =
  'SELECT source_ref, target_ref FROM relations WHERE lower(type) = ?' +
  ' UNION ALL SELECT target_ref, source_ref FROM relations WHERE lower(inverse_type) = ?';

/** The parameters of {@link relationsBothWays} for a `relations.<type>` key (lowercase). */
export function relationsBothWaysParams(key: string): string[] {
  const type = key.slice('relations.'.length);
  return [type, type];
}
