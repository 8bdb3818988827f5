/** One request or response body: a media type and its schema (still possibly a `$ref`). */
export interface OpenApiContent {
  mediaType: string;
  schema?: unknown;
}

/** One parameter of an operation, its `$ref` already followed. */
export interface OpenApiParameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema?: unknown;
}

/** One response of an operation. */
export interface OpenApiResponse {
  status: string;
  description?: string;
  contents: OpenApiContent[];
}

/** One operation: a method on a path. */
export interface OpenApiOperation {
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  tags: string[];
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; description?: string; contents: OpenApiContent[] };
  responses: OpenApiResponse[];
}

/** What the OpenAPI view shows of a document. */
export interface OpenApiOperations {
  title?: string;
  version?: string;
  description?: string;
  servers: string[];
  operations: OpenApiOperation[];
}
