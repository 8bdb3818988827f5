import { createHash } from 'node:crypto';

/** The ref of the Location entity generated for a registered location, as Backstage names it. */
export function generatedLocationEntityRef(type: string, target: string): string {
  return `location:default/generated-${createHash('sha1').update(`${type}:${target}`).digest('hex')}`;
}
