export * from './defineEvent';
export * from './entityChangedEvent';
