import { formatFieldPath } from './formatFieldPath';

describe('formatFieldPath', () => {
  it('joins keys with dots and unescapes JSON pointer segments', () => {
    const doc = { metadata: { annotations: { 'backstage.io/techdocs-ref': 'dir:.' } } };
    expect(formatFieldPath('/metadata/annotations/backstage.io~1techdocs-ref', doc)).toBe(
      'metadata.annotations.backstage.io/techdocs-ref',
    );
  });

  it('writes array positions as indexes but numeric-looking keys as keys', () => {
    const doc = { spec: { providesApis: ['a', 'b'], ports: { '8080': 'http' } } };
    expect(formatFieldPath('/spec/providesApis/1', doc)).toBe('spec.providesApis[1]');
    expect(formatFieldPath('/spec/ports/8080', doc)).toBe('spec.ports.8080');
  });

  it('is empty for the document itself', () => {
    expect(formatFieldPath('', {})).toBe('');
  });
});
