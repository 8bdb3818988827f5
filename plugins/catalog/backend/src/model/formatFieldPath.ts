/**
 * Turns a JSON pointer into the dot path people read, using the document to tell
 * array indexes (`providesApis[0]`) from keys that look like numbers.
 *
 * @example
 * formatFieldPath('/metadata/annotations/backstage.io~1techdocs-ref', doc) // 'metadata.annotations.backstage.io/techdocs-ref'
 */
export function formatFieldPath(pointer: string, document: unknown): string {
  let path = '';
  let value = document;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(value)) {
      path += `[${segment}]`;
      value = value[Number(segment)];
    } else {
      path += path ? `.${segment}` : segment;
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}
