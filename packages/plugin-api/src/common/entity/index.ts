export * from './Entity';
export * from './EntityPredicate';
export * from './entityRef';
export * from './getEntityRef';
export * from './ownedByPredicate';
