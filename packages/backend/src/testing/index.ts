export * from './createTestDatabase';
export * from './createTestHost';
