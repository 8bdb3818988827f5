import { Tag } from '@atrium/plugin-api/frontend';

const tones = { production: 'success', experimental: 'info', deprecated: 'warning' } as const;

/** An entity's `spec.lifecycle` as a tag coloured by what it means. */
export function LifecycleTag({ lifecycle }: { lifecycle: string }) {
  return <Tag tone={tones[lifecycle.toLowerCase() as keyof typeof tones] ?? 'neutral'}>{lifecycle}</Tag>;
}
