import { createEntitiesQueryPath } from './createEntitiesQueryPath';

const paramsOf = (path: string) => Object.fromEntries(new URL(path, 'http://portal').searchParams);
const fields = ['kind', 'metadata.name'];

describe('createEntitiesQueryPath', () => {
  it('asks for the first page of every entity by name, with only the shown fields', () => {
    const path = createEntitiesQueryPath({ filter: '', term: '', fields }, { limit: 50 });
    expect(path.startsWith('/entities/by-query?')).toBe(true);
    expect(paramsOf(path)).toEqual({
      limit: '50',
      fields: 'kind,metadata.name',
      orderField: 'metadata.name,asc',
    });
  });

  it('sends the filter and searches by relevance when a term is given', () => {
    expect(
      paramsOf(
        createEntitiesQueryPath(
          { filter: 'kind=component,spec.type=service', term: ' pay ', fields },
          { limit: 20 },
        ),
      ),
    ).toEqual({
      limit: '20',
      fields: 'kind,metadata.name',
      filter: 'kind=component,spec.type=service',
      fullTextFilterTerm: 'pay',
    });
  });

  it('keeps a chosen order even while searching', () => {
    const path = createEntitiesQueryPath(
      { filter: '', term: 'pay', fields, order: { field: 'spec.owner', direction: 'desc' } },
      { limit: 20 },
    );
    expect(paramsOf(path).orderField).toBe('spec.owner,desc');
  });

  it('sends only the cursor and fields for later pages and skips counting again', () => {
    const params = paramsOf(
      createEntitiesQueryPath({ filter: 'kind=api', term: 'x', fields }, { limit: 50, cursor: 'opaque+/=' }),
    );
    expect(params).toEqual({
      limit: '50',
      fields: 'kind,metadata.name',
      cursor: 'opaque+/=',
      totalItems: 'exclude',
    });
  });
});
