/** One way a document breaks the catalog's rules, with where it is. */
export interface ValidationProblem {
  /** Location ref of the file, e.g. `file:/repo/catalog-info.yaml` or `url:https://…`. */
  location: string;
  /** Zero-based position of the document in its file; shown one-based as `document N`. */
  documentIndex?: number;
  /** Dot path of the offending field, e.g. `spec.owner` or `spec.providesApis[0]`; empty for the whole document. */
  path: string;
  /** The rule broken, e.g. `must have required property 'owner' (Component requires spec.owner)`. */
  message: string;
}
