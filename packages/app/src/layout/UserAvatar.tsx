import type { Identity } from '@atrium/plugin-api/frontend';

/** The user's picture from the identity provider, or the first letter of their name; decorative. */
export function UserAvatar({ identity, name }: { identity: Identity; name: string }) {
  // Only web images: a picture URL comes from the identity provider, not from Atrium.
  if (identity.picture && /^https?:\/\//i.test(identity.picture)) {
    return <img className="shell-user__avatar" src={identity.picture} alt="" referrerPolicy="no-referrer" />;
  }
  return (
    <span className="shell-user__avatar" aria-hidden="true">
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
