export * from './createTestDatabase';
export * from './createTestHost';
export * from './waitFor';
