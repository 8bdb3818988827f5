import { lazy } from 'react';
import { InputError } from '../../common/errors/InputError';
import { defineFrontendPlugin } from './defineFrontendPlugin';
import { isFrontendPlugin } from './isFrontendPlugin';

const Page = () => null;

describe('defineFrontendPlugin', () => {
  it('returns a marked, frozen plugin with every contribution kind filled in', () => {
    const plugin = defineFrontendPlugin({ id: 'hello', pages: { 'hello-index': Page } });
    expect(isFrontendPlugin(plugin)).toBe(true);
    expect(plugin.pages['hello-index']).toBe(Page);
    expect(plugin.entityTabs).toEqual({});
    expect(Object.isFrozen(plugin)).toBe(true);
  });

  it('accepts lazy components', () => {
    const LazyPage = lazy(async () => ({ default: Page }));
    expect(defineFrontendPlugin({ id: 'hello', entityCards: { card: LazyPage } }).entityCards.card).toBe(
      LazyPage,
    );
  });

  it('rejects an id that is not kebab-case', () => {
    expect(() => defineFrontendPlugin({ id: 'Hello' })).toThrow(InputError);
  });

  it('names the key that is not a manifest id', () => {
    expect(() => defineFrontendPlugin({ id: 'hello', pages: { HelloPage: Page } })).toThrow(
      /pages key 'HelloPage'/,
    );
  });

  it('names the contribution that is not a component', () => {
    expect(() =>
      defineFrontendPlugin({ id: 'hello', homeCards: { card: 'nope' as unknown as typeof Page } }),
    ).toThrow(/homeCards.card is not a React component/);
  });

  it('does not mistake other values for a plugin', () => {
    expect(isFrontendPlugin({ id: 'hello' })).toBe(false);
    expect(isFrontendPlugin(null)).toBe(false);
  });
});
