import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  title: ReactNode;
  /** What the user can do about it. */
  description?: ReactNode;
  action?: ReactNode;
  icon?: IconName;
}

/**
 * Says that there is nothing to show, and what to do about it.
 *
 * @example
 * <EmptyState title="No components yet" description="Register a catalog-info.yaml to add one." />
 */
export function EmptyState({ title, description, action, icon = 'star' }: EmptyStateProps) {
  return (
    <div className="atrium-empty">
      <Icon name={icon} size={28} className="atrium-empty__icon" />
      <p className="atrium-empty__title">{title}</p>
      {description ? <p className="atrium-empty__description">{description}</p> : null}
      {action ? <div className="atrium-empty__action">{action}</div> : null}
    </div>
  );
}
