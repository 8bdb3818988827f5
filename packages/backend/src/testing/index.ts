export * from './createTestDatabase';
