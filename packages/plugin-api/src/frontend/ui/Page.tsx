import type { ReactNode } from 'react';

/** Props of {@link Page}. */
export interface PageProps {
  /** The page's one `h1`. */
  title: ReactNode;
  subtitle?: ReactNode;
  /** Controls at the right of the title, e.g. a "Create" button. */
  actions?: ReactNode;
  children?: ReactNode;
}

/**
 * The frame of a plugin page: a header with the title, then the content.
 *
 * @example
 * <Page title="Scorecards" subtitle="How our services measure up">…</Page>
 */
export function Page({ title, subtitle, actions, children }: PageProps) {
  return (
    <div className="atrium-page">
      <header className="atrium-page__header">
        <div>
          <h1 className="atrium-page__title">{title}</h1>
          {subtitle ? <p className="atrium-page__subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="atrium-page__actions">{actions}</div> : null}
      </header>
      <div className="atrium-page__content">{children}</div>
    </div>
  );
}
