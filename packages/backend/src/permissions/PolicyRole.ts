/** One `allow` item of a role: a permission-id pattern, granted everywhere or only on owned resources. */
export interface PolicyGrant {
  /** `*`, `catalog.*` or an exact permission id. */
  permission: string;
  /** Granted only on resources the caller owns. */
  owned: boolean;
}

/** A role from `permissions.roles`, with its member refs in canonical form. */
export interface PolicyRole {
  name: string;
  /** Canonical user and group refs, or `*` for every signed-in user. */
  members: string[];
  allow: PolicyGrant[];
}
