/** Words that generated entity names, titles and descriptions are made of. */
export const WORDS = (
  'payments checkout orders inventory search users billing gateway catalog shipping pricing ledger auth ' +
  'identity profile notify email sms push analytics metrics logging tracing config feature flags cart ' +
  'wishlist reviews ratings media images video upload storage cache queue stream events audit fraud risk ' +
  'tax invoice refund subscription plan quota limits portal admin console reports export import sync ' +
  'scheduler worker cron backup archive'
).split(' ');
