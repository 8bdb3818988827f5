import { InputError } from '@atrium/plugin-api';
import { parseReturnTo } from './parseReturnTo';

describe('parseReturnTo', () => {
  it('keeps paths on the portal, with their query and fragment', () => {
    expect(parseReturnTo('/catalog?kind=component#top')).toBe('/catalog?kind=component#top');
    expect(parseReturnTo('/')).toBe('/');
  });

  it('defaults to the home page when absent', () => {
    expect(parseReturnTo(undefined)).toBe('/');
    expect(parseReturnTo('')).toBe('/');
  });

  it.each([
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'catalog',
    '/\t/evil.example',
    '/cat\nalog',
    ['/a', '/b'],
  ])('refuses %p', (value) => {
    expect(() => parseReturnTo(value)).toThrow(InputError);
  });
});
