import type { ButtonHTMLAttributes } from 'react';
import { classNames } from './classNames';
import { Icon, type IconName } from './Icon';

/** How prominent a button is. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

/** Props of {@link Button}: a native button's, plus the kit's look. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  icon?: IconName;
}

/**
 * The kit's button. Give icon-only buttons an `aria-label`.
 *
 * @example
 * <Button variant="primary" icon="rocket" onClick={create}>Create</Button>
 */
export function Button({
  variant = 'secondary',
  icon,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={classNames('atrium-button', `atrium-button--${variant}`, className)}
      {...rest}
    >
      {icon ? <Icon name={icon} size={16} /> : null}
      {children}
    </button>
  );
}
