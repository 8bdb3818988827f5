/** Tags that generated entities pick from. */
export const TAGS = (
  'java go python typescript kotlin rust node react graphql grpc rest kafka postgres redis mysql mongodb ' +
  'elasticsearch aws gcp azure kubernetes docker terraform helm frontend backend data ml security pci gdpr ' +
  'internal external critical legacy beta public private mobile web batch realtime streaming api sdk cli ' +
  'infra platform observability core edge cdn dns'
).split(' ');
