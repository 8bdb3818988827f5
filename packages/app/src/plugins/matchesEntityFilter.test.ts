import type { Entity } from '@atrium/plugin-api/frontend';
import { matchesEntityFilter } from './matchesEntityFilter';

const service: Entity = {
  apiVersion: 'v1',
  kind: 'Component',
  metadata: { name: 'x' },
  spec: { type: 'service' },
};

describe('matchesEntityFilter', () => {
  it('matches everything without a filter', () => {
    expect(matchesEntityFilter(undefined, service)).toBe(true);
    expect(matchesEntityFilter({}, service)).toBe(true);
  });

  it('compares kind and type without regard to case', () => {
    expect(matchesEntityFilter({ kind: ['component'], type: ['Service', 'website'] }, service)).toBe(true);
  });

  it('needs every given list to match', () => {
    expect(matchesEntityFilter({ kind: ['component'], type: ['library'] }, service)).toBe(false);
    expect(matchesEntityFilter({ kind: ['api'] }, service)).toBe(false);
  });

  it('does not match a type filter when the entity has no type', () => {
    expect(matchesEntityFilter({ type: ['service'] }, { ...service, spec: {} })).toBe(false);
  });
});
