/** A plugin's manifest is invalid or disagrees with its code; the message names the file, the key and the fix. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';

  constructor(
    readonly file: string,
    readonly key: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${key}: ${problem}`, options);
  }
}
