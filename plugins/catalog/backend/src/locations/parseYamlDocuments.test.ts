import { parseYamlDocuments } from './parseYamlDocuments';
import { DEFAULT_YAML_LIMITS } from './YamlLimits';

const limits = { maxDocumentBytes: 1000, maxAliases: 3, maxDepth: 5 };

describe('parseYamlDocuments', () => {
  it('reads every document and keeps YAML 1.2 core scalars as Backstage does', () => {
    expect(parseYamlDocuments('a: 2024-01-01\nb: yes\n---\n---\nc: 1\n', DEFAULT_YAML_LIMITS)).toEqual([
      { value: { a: '2024-01-01', b: 'yes' } },
      { value: null },
      { value: { c: 1 } },
    ]);
  });

  it('reads documents with anchors and aliases within the alias limit', () => {
    expect(parseYamlDocuments('a: &x [1]\nb: *x\n', limits)).toEqual([{ value: { a: [1], b: [1] } }]);
  });

  it('refuses an alias bomb', () => {
    const bomb = 'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n';
    expect(() => parseYamlDocuments(bomb, limits)).toThrow(/the limit is 3 aliases per document/);
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(() => parseYamlDocuments(`a: ${'x'.repeat(1000)}`, limits)).toThrow(
      'the file is 1003 bytes; the limit is 1000',
    );
  });

  it('refuses nesting deeper than the limit with either parser', () => {
    expect(() => parseYamlDocuments('a: [[[[[1]]]]]\n', limits)).toThrow('deeper than the limit of 5 levels');
    expect(() => parseYamlDocuments('x: &x 1\na: [[[[[1]]]]]\n', limits)).toThrow('deeper than the limit');
  });

  it('turns a stack-exhausting nesting into the depth error', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => parseYamlDocuments(deep, { ...limits, maxDocumentBytes: 1_000_000 })).toThrow(
      'deeper than the limit',
    );
  });

  it('reports a syntax error naming YAML', () => {
    expect(() => parseYamlDocuments('kind: [unclosed', limits)).toThrow(/^YAML error/);
  });
});
