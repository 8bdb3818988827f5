export * from './advisoryLockKey';
export * from './createDatabaseManager';
export * from './DatabaseConfig';
export * from './DatabaseManager';
export * from './isPostgres';
export * from './migrateWithLock';
