import { InputError } from '../common/errors/InputError';
import { NotFoundError } from '../common/errors/NotFoundError';
import { createFakeUrlReader } from './createFakeUrlReader';

const url = 'https://github.com/acme/app/blob/main/catalog-info.yaml';

describe('createFakeUrlReader', () => {
  it('reads the text of a known file', async () => {
    const reader = createFakeUrlReader({ [url]: 'kind: Component' });
    const response = await reader.readUrl(url);
    expect((await response.buffer()).toString('utf8')).toBe('kind: Component');
    expect(response.etag).toMatch(/^[0-9a-f]{40}$/);
    expect(response.notModified).toBeUndefined();
  });

  it('answers notModified when the caller already has the current etag', async () => {
    const reader = createFakeUrlReader({ [url]: 'kind: Component' });
    const { etag } = await reader.readUrl(url);
    const again = await reader.readUrl(url, { etag });
    expect(again).toMatchObject({ etag, notModified: true });
    await expect(again.buffer()).rejects.toThrow(InputError);
  });

  it('throws NotFoundError for an unknown URL and InputError for a malformed one', async () => {
    const reader = createFakeUrlReader({ [url]: 'x' });
    await expect(reader.readUrl('https://github.com/acme/other.yaml')).rejects.toThrow(NotFoundError);
    await expect(reader.readUrl('not a url')).rejects.toThrow(InputError);
  });

  it('refuses to read once the signal is aborted', async () => {
    const reader = createFakeUrlReader({ [url]: 'x' });
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    await expect(reader.readUrl(url, { signal: controller.signal })).rejects.toThrow('shutting down');
  });

  it('hands URLs it has no file for to a registered provider that can read them', async () => {
    const reader = createFakeUrlReader();
    const provider = {
      name: 'gitlab',
      canRead: (target: URL) => target.host === 'gitlab.com',
      read: async () => ({ buffer: async () => Buffer.from('from gitlab') }),
    };
    reader.registerProvider(provider);
    const response = await reader.readUrl('https://gitlab.com/acme/app/-/raw/main/x.yaml');
    expect((await response.buffer()).toString()).toBe('from gitlab');
    expect(reader.providers).toEqual([provider]);
    await expect(reader.readUrl('https://github.com/acme/x.yaml')).rejects.toThrow(NotFoundError);
  });
});
