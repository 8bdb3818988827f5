export * from './createHttpUrlReaderProvider';
export * from './createUrlReader';
export * from './isReadingAllowed';
