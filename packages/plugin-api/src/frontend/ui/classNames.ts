/** Joins the truthy class names; kit components use it to merge a caller's `className`. */
export function classNames(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
