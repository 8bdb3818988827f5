/** Where entities are read from: `url` (through the urlReader) or `file` (config only). */
export interface LocationSpec {
  type: string;
  target: string;
}
