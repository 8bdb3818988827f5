export * from './builtinKinds';
export * from './createKindRegistry';
export * from './createSchemasRouter';
export * from './formatValidationProblem';
export * from './JsonSchema';
export * from './KindDefinition';
export * from './kindsConfigSchema';
export * from './ValidationProblem';
