import { createEntitiesQueryPath, ENTITY_LIST_FIELDS } from './createEntitiesQueryPath';

const paramsOf = (path: string) => Object.fromEntries(new URL(path, 'http://portal').searchParams);

describe('createEntitiesQueryPath', () => {
  it('asks for the first page of every kind by name, with only the shown fields', () => {
    const path = createEntitiesQueryPath({ kind: '', term: '' }, { limit: 50 });
    expect(path.startsWith('/entities/by-query?')).toBe(true);
    expect(paramsOf(path)).toEqual({
      limit: '50',
      fields: ENTITY_LIST_FIELDS.join(','),
      orderField: 'metadata.name,asc',
    });
  });

  it('filters by kind and searches by relevance when a term is given', () => {
    expect(paramsOf(createEntitiesQueryPath({ kind: 'component', term: ' pay ' }, { limit: 20 }))).toEqual({
      limit: '20',
      fields: ENTITY_LIST_FIELDS.join(','),
      filter: 'kind=component',
      fullTextFilterTerm: 'pay',
    });
  });

  it('keeps a chosen order even while searching', () => {
    const path = createEntitiesQueryPath(
      { kind: '', term: 'pay', order: { field: 'spec.owner', direction: 'desc' } },
      { limit: 20 },
    );
    expect(paramsOf(path).orderField).toBe('spec.owner,desc');
  });

  it('sends only the cursor for later pages and skips counting again', () => {
    const params = paramsOf(
      createEntitiesQueryPath({ kind: 'api', term: 'x' }, { limit: 50, cursor: 'opaque+/=' }),
    );
    expect(params).toEqual({
      limit: '50',
      fields: ENTITY_LIST_FIELDS.join(','),
      cursor: 'opaque+/=',
      totalItems: 'exclude',
    });
  });
});
