import { parseFilterParams } from './parseFilterParams';

describe('parseFilterParams', () => {
  it('gives no predicate for no filter or only empty ones', () => {
    expect(parseFilterParams([])).toBeUndefined();
    expect(parseFilterParams(['', ' , '])).toBeUndefined();
  });

  it('ANDs the conditions of one filter and ORs repeated filters', () => {
    expect(parseFilterParams(['kind=component, spec.type = service', 'kind=api'])).toEqual({
      $any: [{ $all: [{ kind: 'component' }, { 'spec.type': 'service' }] }, { kind: 'api' }],
    });
  });

  it('turns a repeated key into $in and a bare key into $exists', () => {
    expect(parseFilterParams(['kind=user,kind=group,metadata.annotations.backstage.io/orphan'])).toEqual({
      $all: [
        { kind: { $in: ['user', 'group'] } },
        { 'metadata.annotations.backstage.io/orphan': { $exists: true } },
      ],
    });
  });

  it('keeps an equals sign inside a value and accepts an empty value', () => {
    expect(parseFilterParams(['metadata.annotations.example.com/query=a=b'])).toEqual({
      'metadata.annotations.example.com/query': 'a=b',
    });
    expect(parseFilterParams(['spec.type='])).toEqual({ 'spec.type': '' });
  });

  it('lets a value win over a bare key given for the same key', () => {
    expect(parseFilterParams(['kind=api,kind'])).toEqual({ kind: 'api' });
    expect(parseFilterParams(['kind,kind=api'])).toEqual({ kind: 'api' });
  });

  it('also matches the array item form of an existence or true condition', () => {
    expect(parseFilterParams(['metadata.tags.java'])).toEqual({
      $any: [{ 'metadata.tags.java': { $exists: true } }, { 'metadata.tags': 'java' }],
    });
    expect(parseFilterParams(['metadata.tags.java=true'])).toEqual({
      $any: [{ 'metadata.tags.java': 'true' }, { 'metadata.tags': 'java' }],
    });
    expect(parseFilterParams(['relations.ownedby=group:default/a'])).toEqual({
      'relations.ownedby': 'group:default/a',
    });
  });

  it('splits what the catalog client sends, where separators and values are all percent-encoded', () => {
    expect(parseFilterParams(['kind%3Dcomponent%2Cspec.type%3Dservice', 'metadata.tags%3Dc%2B%2B'])).toEqual({
      $any: [{ $all: [{ kind: 'component' }, { 'spec.type': 'service' }] }, { 'metadata.tags': 'c++' }],
    });
  });

  it('keeps encoded commas and equals signs inside values when the separators are literal', () => {
    expect(
      parseFilterParams(['kind=component,metadata.annotations.example.com%2Fq=a%2Cb%3Dc,spec.type']),
    ).toEqual({
      $all: [
        { kind: 'component' },
        { 'metadata.annotations.example.com/q': 'a,b=c' },
        { $any: [{ 'spec.type': { $exists: true } }, { spec: 'type' }] },
      ],
    });
  });

  it('refuses bad percent-encoding', () => {
    expect(() => parseFilterParams(['kind=%E0%A4%A'])).toThrow(
      "Invalid filter 'kind=%E0%A4%A': bad percent-encoding",
    );
  });

  it('refuses a condition without a key', () => {
    expect(() => parseFilterParams(['=component'])).toThrow(
      "Invalid filter '=component': a condition has no key",
    );
  });
});
