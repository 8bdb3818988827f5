export * from './createErrorMiddleware';
export * from './createHttpApp';
export * from './createNotFoundHandler';
export * from './createRequestIdMiddleware';
export * from './createRequestLogMiddleware';
export * from './HttpServer';
export * from './startHttpServer';
