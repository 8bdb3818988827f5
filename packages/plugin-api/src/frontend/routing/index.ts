export * from './getEntityPath';
