/** Where entities are read from: `url` (through the urlReader) or `file` (config only). */
export interface LocationSpec {
  type: string;
  target: string;
  /** `optional`: a target that does not exist is skipped without an error (Backstage's `presence`). */
  presence?: 'required' | 'optional';
}
