/** Limits applied to every file a location reads, so one hostile file cannot exhaust the server. */
export interface YamlLimits {
  /** Largest file accepted, in bytes. */
  maxDocumentBytes: number;
  /** Alias expansions allowed per document (alias-bomb defence). */
  maxAliases: number;
  /** Deepest nesting of maps and lists accepted. */
  maxDepth: number;
}

/** The limits used when `catalog.limits` does not override them. */
export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxDocumentBytes: 5 * 1024 * 1024,
  maxAliases: 100,
  maxDepth: 64,
};
