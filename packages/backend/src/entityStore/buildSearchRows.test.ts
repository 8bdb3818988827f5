import { buildSearchRows, type ElementDocument } from './buildSearchRows';

describe('buildSearchRows', () => {
  it('flattens nested objects into lowercase dot paths with lowercase values', () => {
    expect(
      buildSearchRows({ Kind: 'Component', spec: { Type: 'Service', replicas: 3, public: true } }),
    ).toEqual([
      { key: 'kind', value: 'component', original: 'Component', primary: true },
      { key: 'spec.type', value: 'service', original: 'Service', primary: true },
      { key: 'spec.replicas', value: '3', original: null, primary: true },
      { key: 'spec.public', value: 'true', original: null, primary: true },
    ]);
  });

  it('flattens arrays onto the path of the array and marks the smallest value primary', () => {
    expect(buildSearchRows({ tags: ['java', 'Go', 'go', 'c'] })).toEqual([
      { key: 'tags', value: 'c', original: null, primary: true },
      { key: 'tags', value: 'go', original: 'Go', primary: false },
      { key: 'tags', value: 'java', original: null, primary: false },
    ]);
    expect(buildSearchRows({ links: [{ url: 'b' }, { url: 'a' }] })).toEqual([
      { key: 'links.url', value: 'a', original: null, primary: true },
      { key: 'links.url', value: 'b', original: null, primary: false },
    ]);
  });

  it('keeps keys with dots whole and indexes nulls and long values as present without a value', () => {
    expect(
      buildSearchRows({
        annotations: { 'backstage.io/orphan': 'true' },
        description: 'x'.repeat(201),
        owner: null,
      }),
    ).toEqual([
      { key: 'annotations.backstage.io/orphan', value: 'true', original: null, primary: true },
      { key: 'description', value: null, original: null, primary: false },
      { key: 'owner', value: null, original: null, primary: false },
    ]);
  });

  it('skips the given paths, adds extra rows and drops over-long keys', () => {
    expect(
      buildSearchRows(
        { relations: [{ type: 'x' }], metadata: { name: 'a', etag: 'e' }, ['k'.repeat(201)]: 'v' },
        { skip: new Set(['relations', 'metadata.etag']), extra: [['metadata.uid', 'U-1']] },
      ),
    ).toEqual([
      { key: 'metadata.name', value: 'a', original: null, primary: true },
      { key: 'metadata.uid', value: 'u-1', original: 'U-1', primary: true },
    ]);
  });

  it('collects a document per object element, with keys relative to the element', () => {
    const elements: ElementDocument[] = [];
    buildSearchRows(
      { metadata: { links: [{ url: 'https://a', Title: 'Docs' }, 'not-an-object', { url: 'https://b' }] } },
      { elements },
    );
    expect(elements).toEqual([
      {
        path: 'metadata.links',
        rows: [
          { key: 'url', value: 'https://a', original: null, primary: true },
          { key: 'title', value: 'docs', original: 'Docs', primary: true },
        ],
      },
      { path: 'metadata.links', rows: [{ key: 'url', value: 'https://b', original: null, primary: true }] },
    ]);
  });

  it('also collects elements of arrays nested inside elements, under their full path', () => {
    const elements: ElementDocument[] = [];
    buildSearchRows(
      { steps: [{ inputs: [{ name: 'a' }] }], relations: [{ type: 'x' }] },
      {
        skip: new Set(['relations']),
        elements,
      },
    );
    expect(elements.map((element) => element.path)).toEqual(['steps', 'steps.inputs']);
    expect(elements[0]?.rows).toEqual([{ key: 'inputs.name', value: 'a', original: null, primary: true }]);
  });
});
