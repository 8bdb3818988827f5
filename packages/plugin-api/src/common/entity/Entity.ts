/** A link shown on an entity page. */
export interface EntityLink {
  url: string;
  title?: string;
  icon?: string;
  type?: string;
}

/** The `metadata` block shared by every entity kind (Backstage's model). */
export interface EntityMeta {
  name: string;
  namespace?: string;
  title?: string;
  description?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  tags?: string[];
  links?: EntityLink[];
  /** Set by the store; never by a user. */
  uid?: string;
  /** Set by the store; changes whenever the entity's content changes. */
  etag?: string;
  [key: string]: unknown;
}

/** A relation from the entity that carries it to `targetRef`. */
export interface EntityRelation {
  type: string;
  targetRef: string;
}

/** One processing message recorded on an entity (`status.items`). */
export interface EntityStatusItem {
  type: string;
  level: 'info' | 'warning' | 'error';
  message: string;
  error?: { name: string; message: string; code?: string; stack?: string };
}

/**
 * A catalog entity, as Backstage defines it.
 *
 * @example
 * const entity: Entity = {
 *   apiVersion: 'backstage.io/v1alpha1',
 *   kind: 'Component',
 *   metadata: { name: 'payments' },
 *   spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
 * };
 */
export interface Entity {
  apiVersion: string;
  kind: string;
  metadata: EntityMeta;
  spec?: Record<string, unknown>;
  relations?: EntityRelation[];
  status?: { items?: EntityStatusItem[] };
}
