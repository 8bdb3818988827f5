export * from './createCatalogApiRouter';
export * from './findEntityAncestry';
export * from './parseFilterParams';
