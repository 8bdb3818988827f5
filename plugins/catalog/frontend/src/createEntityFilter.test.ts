import type { CatalogFilters } from './CatalogFilters';
import { createEntityFilter } from './createEntityFilter';

const none: CatalogFilters = {
  kind: '',
  type: '',
  owner: '',
  lifecycle: '',
  tag: '',
  namespace: '',
  mine: false,
  term: '',
};

describe('createEntityFilter', () => {
  it('is empty when nothing is filtered, whatever the search term', () => {
    expect(createEntityFilter({ ...none, term: 'payments' }, ['user:default/ada'])).toBe('');
  });

  it('requires every chosen facet at once', () => {
    expect(
      createEntityFilter(
        {
          ...none,
          kind: 'component',
          type: 'service',
          owner: 'group:default/payments',
          lifecycle: 'production',
          tag: 'java',
          namespace: 'default',
        },
        [],
      ),
    ).toBe(
      'kind=component,spec.type=service,spec.owner=group:default/payments,spec.lifecycle=production,metadata.tags=java,metadata.namespace=default',
    );
  });

  it('turns "owned by me" into any of the identity\'s ownership refs, each once', () => {
    expect(
      createEntityFilter({ ...none, kind: 'api', mine: true }, [
        'user:default/ada',
        'group:default/Web',
        'group:default/web',
      ]),
    ).toBe('kind=api,relations.ownedBy=user:default/ada,relations.ownedBy=group:default/web');
  });
});
