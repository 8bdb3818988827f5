/** The backend could not start; the message names the plugin or core part that stopped it. */
export class BackendStartupError extends Error {
  override readonly name = 'BackendStartupError';
}
