export * from './ApiClient';
export * from './createApiClient';
export * from './FetchFn';
export * from './fromErrorResponse';
export * from './ResponseError';
