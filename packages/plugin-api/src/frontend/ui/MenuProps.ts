import type { ReactNode } from 'react';
import type { MenuItem } from './MenuItem';

/** Props of {@link Menu}. */
export interface MenuProps {
  /** Accessible name of the button that opens the menu, e.g. "Account". */
  label: string;
  /** What the button shows; by default the label. */
  trigger?: ReactNode;
  /** Shown above the items and not selectable, e.g. who is signed in. */
  header?: ReactNode;
  items: MenuItem[];
  /** Which edge of the button the menu lines up with; default `end`. */
  align?: 'start' | 'end';
}
