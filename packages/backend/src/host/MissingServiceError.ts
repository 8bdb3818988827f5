/** A plugin consumes a service that neither the core nor any enabled plugin provides. */
export class MissingServiceError extends Error {
  override readonly name = 'MissingServiceError';

  constructor(pluginId: string, manifestFile: string, serviceId: string) {
    super(
      `Plugin '${pluginId}' consumes service '${serviceId}' (${manifestFile}: backend.consumes), ` +
        `but no enabled plugin provides it; enable the plugin that lists it under backend.provides, or remove it`,
    );
  }
}
