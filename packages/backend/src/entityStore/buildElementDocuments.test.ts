import { buildElementDocuments } from './buildElementDocuments';

describe('buildElementDocuments', () => {
  it('makes one document per object element, with keys relative to the element', () => {
    const documents = buildElementDocuments(
      { metadata: { links: [{ url: 'https://a', Title: 'Docs' }, 'not-an-object', { url: 'https://b' }] } },
      new Set(),
    );
    expect(documents).toEqual([
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

  it('also indexes arrays nested inside elements, under their full path', () => {
    const documents = buildElementDocuments({ steps: [{ inputs: [{ name: 'a' }] }] }, new Set());
    expect(documents.map((d) => d.path)).toEqual(['steps', 'steps.inputs']);
    expect(documents[0]?.rows).toEqual([{ key: 'inputs.name', value: 'a', original: null, primary: true }]);
  });

  it('leaves out skipped paths', () => {
    expect(buildElementDocuments({ relations: [{ type: 'x' }] }, new Set(['relations']))).toEqual([]);
  });
});
