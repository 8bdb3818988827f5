import type { ReactNode } from 'react';
import { classNames } from './classNames';

/** Props of {@link Tag}. */
export interface TagProps {
  children: ReactNode;
  /** Colour by meaning. */
  tone?: 'neutral' | 'info' | 'success' | 'warning' | 'danger';
}

/**
 * A short label: a tag, a lifecycle, a status.
 *
 * @example
 * <Tag tone="success">production</Tag>
 */
export function Tag({ children, tone = 'neutral' }: TagProps) {
  return <span className={classNames('atrium-tag', `atrium-tag--${tone}`)}>{children}</span>;
}
