const sizeKeys = ['offsetWidth', 'offsetHeight', 'clientWidth', 'clientHeight'] as const;

/**
 * jsdom lays nothing out, so every element measures 0×0 and the kit's
 * virtualised table renders no rows; this gives elements a size for one test file.
 * Returns the function that restores jsdom's.
 */
export function giveElementsASize(width = 1200, height = 800): () => void {
  const originals = sizeKeys.map((key) => [key, Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)]);
  for (const key of sizeKeys) {
    const value = key.endsWith('Width') ? width : height;
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value });
  }
  return () => {
    for (const [key, descriptor] of originals) {
      if (descriptor) {
        Object.defineProperty(HTMLElement.prototype, key as string, descriptor as PropertyDescriptor);
      } else {
        // jsdom defines the client sizes on Element: removing ours uncovers them.
        Reflect.deleteProperty(HTMLElement.prototype, key as string);
      }
    }
  };
}
