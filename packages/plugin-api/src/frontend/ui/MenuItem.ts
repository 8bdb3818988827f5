import type { IconName } from './Icon';

/** One entry of a {@link Menu}: an action (`onSelect`) or a link (`href`). */
export interface MenuItem {
  id: string;
  label: string;
  icon?: IconName;
  onSelect?: () => void;
  /** An in-app path to navigate to. */
  href?: string;
  disabled?: boolean;
}
