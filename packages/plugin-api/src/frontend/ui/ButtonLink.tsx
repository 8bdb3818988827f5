import { Link, type LinkProps } from 'react-router';
import type { ButtonVariant } from './Button';
import { classNames } from './classNames';
import { Icon, type IconName } from './Icon';

/** Props of {@link ButtonLink}: a router link's, plus the button look. */
export interface ButtonLinkProps extends LinkProps {
  variant?: ButtonVariant;
  icon?: IconName;
}

/**
 * A link that looks like a button, for navigation (a button is for actions).
 *
 * @example
 * <ButtonLink to="/create" variant="primary" icon="rocket">New component</ButtonLink>
 */
export function ButtonLink({ variant = 'secondary', icon, className, children, ...rest }: ButtonLinkProps) {
  return (
    <Link className={classNames('atrium-button', `atrium-button--${variant}`, className)} {...rest}>
      {icon ? <Icon name={icon} size={16} /> : null}
      {children}
    </Link>
  );
}
