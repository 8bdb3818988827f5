import { asRecord } from './asRecord';
import type { OpenApiContent, OpenApiOperations, OpenApiParameter } from './OpenApiOperations';
import { resolveRef } from './resolveRef';

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function contentsOf(content: unknown): OpenApiContent[] {
  return Object.entries(asRecord(content)).map(([mediaType, media]) => ({
    mediaType,
    schema: asRecord(media).schema,
  }));
}

function parameterOf(doc: unknown, raw: unknown): OpenApiParameter {
  const parameter = asRecord(resolveRef(doc, raw));
  const location = text(parameter.in) ?? 'query';
  return {
    name: text(parameter.name) ?? '(unnamed)',
    in: location,
    required: parameter.required === true || location === 'path',
    ...(text(parameter.description) ? { description: text(parameter.description) } : {}),
    // Swagger 2 puts the type on the parameter itself.
    schema: parameter.schema ?? (parameter.type ? parameter : undefined),
  };
}

/**
 * Reads the operations of an OpenAPI 3 (or Swagger 2) document, in the order
 * of its paths, with path-level parameters merged into each operation and
 * parameter, request body and response `$ref`s followed. Schemas are left as
 * they are, for the schema view to resolve as it draws them.
 *
 * @example
 * parseOpenApi(doc).operations[0] // { method: 'post', path: '/payments', summary: 'Authorise a payment', … }
 */
export function parseOpenApi(doc: unknown): OpenApiOperations {
  const root = asRecord(doc);
  const info = asRecord(root.info);
  const servers = Array.isArray(root.servers)
    ? root.servers
        .map((server) => text(asRecord(server).url))
        .filter((url): url is string => url !== undefined)
    : text(root.host)
      ? [`${text(root.host)}${text(root.basePath) ?? ''}`]
      : [];
  const operations = Object.entries(asRecord(root.paths)).flatMap(([path, rawItem]) => {
    const item = asRecord(resolveRef(doc, rawItem));
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    return methods
      .filter((method) => item[method] !== undefined)
      .map((method) => {
        const operation = asRecord(item[method]);
        const own = Array.isArray(operation.parameters) ? operation.parameters : [];
        const byKey = new Map<string, OpenApiParameter>();
        for (const raw of [...shared, ...own]) {
          const parameter = parameterOf(doc, raw);
          byKey.set(`${parameter.in}:${parameter.name}`, parameter);
        }
        const bodyParameter = [...byKey.values()].find((p) => p.in === 'body');
        const body = asRecord(resolveRef(doc, operation.requestBody));
        const requestBody = operation.requestBody
          ? {
              required: body.required === true,
              ...(text(body.description) ? { description: text(body.description) } : {}),
              contents: contentsOf(body.content),
            }
          : bodyParameter
            ? {
                required: bodyParameter.required,
                contents: [{ mediaType: 'application/json', schema: bodyParameter.schema }],
              }
            : undefined;
        return {
          method,
          path,
          ...(text(operation.operationId) ? { operationId: text(operation.operationId) } : {}),
          ...(text(operation.summary) ? { summary: text(operation.summary) } : {}),
          ...(text(operation.description) ? { description: text(operation.description) } : {}),
          deprecated: operation.deprecated === true,
          tags: Array.isArray(operation.tags) ? operation.tags.filter((tag) => typeof tag === 'string') : [],
          parameters: [...byKey.values()].filter((p) => p.in !== 'body'),
          ...(requestBody ? { requestBody } : {}),
          responses: Object.entries(asRecord(operation.responses)).map(([status, rawResponse]) => {
            const response = asRecord(resolveRef(doc, rawResponse));
            return {
              status,
              ...(text(response.description) ? { description: text(response.description) } : {}),
              contents: response.content
                ? contentsOf(response.content)
                : response.schema
                  ? [{ mediaType: 'application/json', schema: response.schema }]
                  : [],
            };
          }),
        };
      });
  });
  return {
    ...(text(info.title) ? { title: text(info.title) } : {}),
    ...(text(info.version) ? { version: text(info.version) } : {}),
    ...(text(info.description) ? { description: text(info.description) } : {}),
    servers,
    operations,
  };
}
