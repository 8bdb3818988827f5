/** Props of {@link Progress}. */
export interface ProgressProps {
  /** What is loading; read by screen readers. */
  label?: string;
}

/**
 * A spinner for content that is on its way.
 *
 * @example
 * if (isLoading) return <Progress label="Loading scores" />;
 */
export function Progress({ label = 'Loading' }: ProgressProps) {
  return (
    <div className="atrium-progress" role="status">
      <span className="atrium-progress__spinner" aria-hidden="true" />
      <span className="atrium-visually-hidden">{label}</span>
    </div>
  );
}
