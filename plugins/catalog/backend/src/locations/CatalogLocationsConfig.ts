import type { CatalogRule } from './CatalogRule';
import type { YamlLimits } from './YamlLimits';

/** The `catalog` config keys the locations part reads (validated by the manifest's schema). */
export interface CatalogLocationsConfig {
  locations?: Array<{ type: 'url' | 'file'; target: string; rules?: CatalogRule[] }>;
  rules?: CatalogRule[];
  refreshInterval?: string;
  orphanStrategy?: 'keep' | 'delete';
  orphanGracePeriod?: string;
  limits?: Partial<YamlLimits>;
  /** Refuse registering and deleting locations through the API. */
  readonly?: boolean;
  /** Folders `type: file` locations may be registered from through the API (with `catalog.file-location.create`). */
  fileLocationRoots?: string[];
}
