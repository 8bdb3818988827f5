import type { ReactNode } from 'react';
import { Button } from './Button';
import { Icon } from './Icon';

/** Props of {@link ErrorPanel}. */
export interface ErrorPanelProps {
  /** What failed, e.g. "Could not load the entity". */
  title: ReactNode;
  /** The error; its name and message are shown. */
  error?: unknown;
  children?: ReactNode;
  /** Shows a "Try again" button. */
  onRetry?: () => void;
}

function describe(error: unknown): string | undefined {
  if (error instanceof Error) {
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  }
  return error === undefined ? undefined : String(error);
}

/**
 * Shows a failure in place, announced to screen readers.
 *
 * @example
 * if (error) return <ErrorPanel title="Could not load scores" error={error} onRetry={() => mutate()} />;
 */
export function ErrorPanel({ title, error, children, onRetry }: ErrorPanelProps) {
  const detail = describe(error);
  return (
    <div className="atrium-error" role="alert">
      <Icon name="alert" size={20} className="atrium-error__icon" />
      <div className="atrium-error__text">
        <p className="atrium-error__title">{title}</p>
        {detail ? <p className="atrium-error__detail">{detail}</p> : null}
        {children}
        {onRetry ? (
          <Button variant="secondary" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
      </div>
    </div>
  );
}
