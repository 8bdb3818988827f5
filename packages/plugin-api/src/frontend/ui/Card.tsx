import { type ReactNode, useId } from 'react';
import { classNames } from './classNames';

/** Props of {@link Card}. */
export interface CardProps {
  /** Heading of the card; also its accessible name. */
  title?: ReactNode;
  /** Controls shown at the right of the heading. */
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/**
 * A titled surface for one piece of information, e.g. an entity card.
 *
 * @example
 * <Card title="About">{entity.metadata.description}</Card>
 */
export function Card({ title, actions, children, className }: CardProps) {
  const headingId = useId();
  return (
    <section className={classNames('atrium-card', className)} aria-labelledby={title ? headingId : undefined}>
      {title || actions ? (
        <header className="atrium-card__header">
          {title ? (
            <h2 id={headingId} className="atrium-card__title">
              {title}
            </h2>
          ) : null}
          {actions ? <div className="atrium-card__actions">{actions}</div> : null}
        </header>
      ) : null}
      <div className="atrium-card__body">{children}</div>
    </section>
  );
}
