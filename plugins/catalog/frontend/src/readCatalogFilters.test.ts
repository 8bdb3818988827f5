import { readCatalogFilters } from './readCatalogFilters';

describe('readCatalogFilters', () => {
  it('reads every filter from the URL, lower-casing the kind', () => {
    expect(
      readCatalogFilters(
        new URLSearchParams(
          'kind=API&type=openapi&owner=web&lifecycle=production&tag=rest&namespace=default&mine=true&q=pay',
        ),
      ),
    ).toEqual({
      kind: 'api',
      type: 'openapi',
      owner: 'web',
      lifecycle: 'production',
      tag: 'rest',
      namespace: 'default',
      mine: true,
      term: 'pay',
    });
  });

  it('treats missing and blank values as no filter', () => {
    expect(readCatalogFilters(new URLSearchParams('type=%20&mine=1'))).toEqual({
      kind: '',
      type: '',
      owner: '',
      lifecycle: '',
      tag: '',
      namespace: '',
      mine: false,
      term: '',
    });
  });
});
