/**
 * Parses an OpenAPI or AsyncAPI document written as JSON or YAML. JSON is
 * tried first because it needs no library; the `yaml` package (≈30 KB gzip)
 * is imported only when a document is YAML.
 *
 * @example
 * const doc = await parseDefinitionDocument('openapi: 3.0.3\npaths: {}');
 */
export async function parseDefinitionDocument(text: string): Promise<unknown> {
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // Not JSON after all: a YAML flow mapping also starts with '{'.
    }
  }
  const { parse } = await import('yaml');
  return parse(text, { maxAliasCount: 100 });
}
