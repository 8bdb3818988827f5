import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../common/errors/InputError';
import type { PluginManifest } from './PluginManifest';
import { pluginManifestSchema } from './pluginManifestSchema';

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
const validate = ajv.compile(pluginManifestSchema);

/**
 * Parses and validates a `plugin.yaml` text. Errors name the file and each
 * failing key path.
 *
 * @example
 * const manifest = parsePluginManifest(fs.readFileSync(file, 'utf8'), file);
 */
export function parsePluginManifest(text: string, file: string): PluginManifest {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new InputError(`${file}: not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map((e) => {
      const key = e.instancePath ? e.instancePath.slice(1).replaceAll('/', '.') : '(root)';
      const extra = e.keyword === 'additionalProperties' ? ` '${String(e.params.additionalProperty)}'` : '';
      return `${key}: ${e.message}${extra}`;
    });
    throw new InputError(`${file}: invalid plugin manifest: ${problems.join('; ')}`);
  }
  const manifest = data as PluginManifest;
  const backend = manifest.backend;
  const undeclared = backend?.readOnlyRoutes.filter((route) => !backend.routes.includes(route)) ?? [];
  if (undeclared.length > 0) {
    throw new InputError(
      `${file}: invalid plugin manifest: backend.readOnlyRoutes lists ${undeclared.map((r) => `'${r}'`).join(', ')}, which backend.routes does not declare`,
    );
  }
  return manifest;
}
