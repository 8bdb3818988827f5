export * from './createTestDatabase';
export * from './createTestHost';
export * from './startOidcProvider';
export * from './waitFor';
