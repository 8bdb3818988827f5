/**
 * Checks one document as the user wrote it (placeholders resolved, before
 * the location annotations) and lists what is wrong; an empty list means
 * valid. The kind registry's `validate` has this shape.
 */
export type EntityValidator = (
  document: unknown,
  context: { location: string; documentIndex?: number },
) => Array<{ path: string; message: string }>;
