import { type InputHTMLAttributes, type Ref, useId } from 'react';
import { classNames } from './classNames';

/** Props of {@link TextField}: a native input's, plus its label. */
export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  /** The visible label, and the input's accessible name. */
  label: string;
  /** Keeps the label for screen readers only, e.g. in a search bar with a placeholder. */
  hideLabel?: boolean;
  /** Help text under the input. */
  description?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A labelled text input.
 *
 * @example
 * <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} />
 */
export function TextField({ label, hideLabel, description, className, id, ...rest }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const descriptionId = `${inputId}-description`;
  return (
    <div className={classNames('atrium-field', className)}>
      <label htmlFor={inputId} className={hideLabel ? 'atrium-visually-hidden' : 'atrium-field__label'}>
        {label}
      </label>
      <input
        id={inputId}
        className="atrium-input"
        aria-describedby={description ? descriptionId : undefined}
        {...rest}
      />
      {description ? (
        <p id={descriptionId} className="atrium-field__description">
          {description}
        </p>
      ) : null}
    </div>
  );
}
