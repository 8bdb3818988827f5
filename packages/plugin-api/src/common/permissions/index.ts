export * from './definePermission';
