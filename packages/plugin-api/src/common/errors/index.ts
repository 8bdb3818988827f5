export * from './AtriumError';
export * from './AuthenticationError';
export * from './ConflictError';
export * from './ErrorResponseBody';
export * from './InputError';
export * from './NotAllowedError';
export * from './NotFoundError';
export * from './ServiceUnavailableError';
