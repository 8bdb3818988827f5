export * from './CatalogAccess';
export * from './catalogPermissions';
export * from './createCatalogAccess';
