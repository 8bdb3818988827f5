/** A registered location, as Backstage's API returns it. */
export interface Location {
  /** A uuid. */
  id: string;
  type: string;
  target: string;
  /** Ref of the Location entity generated for it. */
  entityRef: string;
}
