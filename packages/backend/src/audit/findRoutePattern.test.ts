import { findRoutePattern } from './findRoutePattern';

describe('findRoutePattern', () => {
  const find = findRoutePattern([
    'GET /locations/:id',
    'DELETE /locations/:id',
    'POST /locations',
    'POST /entities/by-refs',
    'POST /entities/:kind',
    'PUT /files/*path',
    'GET /schemas/kinds/:kind.json',
  ]);

  it('names the declared pattern of a concrete path with the same method', () => {
    expect(find('DELETE', '/locations/42')).toBe('DELETE /locations/:id');
    expect(find('POST', '/locations')).toBe('POST /locations');
    expect(find('POST', '/locations/')).toBe('POST /locations');
    expect(find('PUT', '/files/a/b/c.txt')).toBe('PUT /files/*path');
    expect(find('GET', '/schemas/kinds/component.json')).toBe('GET /schemas/kinds/:kind.json');
  });

  it('prefers the pattern with fewer parameters when several match', () => {
    expect(find('POST', '/entities/by-refs')).toBe('POST /entities/by-refs');
    expect(find('POST', '/entities/component')).toBe('POST /entities/:kind');
  });

  it('answers undefined for another method or an undeclared path', () => {
    expect(find('PUT', '/locations/42')).toBeUndefined();
    expect(find('DELETE', '/locations/42/status')).toBeUndefined();
    expect(find('POST', '/nothing')).toBeUndefined();
    expect(find('GET', '/schemas/kinds/componentxjson')).toBeUndefined();
  });
});
