import { Icon } from '@atrium/plugin-api/frontend';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FacetChoice } from './FacetChoice';
import type { FacetValue } from './FacetValue';
import { narrowFacetChoices } from './narrowFacetChoices';

/** How many choices the list shows before it asks the user to type. */
const DEFAULT_LIMIT = 50;

const describeAsWritten = (value: string): Pick<FacetChoice, 'label' | 'detail'> => ({ label: value });

/** Props of {@link FacetCombobox}. */
export interface FacetComboboxProps {
  label: string;
  /** Shown while no value is chosen, e.g. "Any owner". */
  anyLabel: string;
  /** The chosen value, as it is in the URL; empty for any. */
  value: string;
  options: readonly FacetValue[];
  /** The text shown for a value, e.g. an owner ref's short form; the value itself by default. */
  describe?: (value: string) => Pick<FacetChoice, 'label' | 'detail'>;
  /** The most choices listed at once; the rest are reached by typing. */
  limit?: number;
  onChange(value: string): void;
}

/** The label with the first match of `query` marked, so the user sees why a choice is listed. */
function markMatch(text: string, query: string): ReactNode {
  const needle = query.trim().toLowerCase();
  const at = needle ? text.toLowerCase().indexOf(needle) : -1;
  if (at === -1) {
    return text;
  }
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  );
}

/**
 * Chooses one value of a catalog facet from however many there are: type to
 * narrow (matching anywhere, ignoring case), arrows to move, Enter to choose,
 * Escape to close, and a button to clear. Values are listed most entities
 * first with their counts, at most `limit` at a time. It follows the WAI-ARIA
 * combobox pattern (an input with a listbox popup and
 * `aria-activedescendant`), so focus stays in the input throughout.
 *
 * @example
 * <FacetCombobox label="Owner" anyLabel="Any owner" value={owner} options={owners} onChange={setOwner} />
 */
export function FacetCombobox({
  label,
  anyLabel,
  value,
  options,
  describe = describeAsWritten,
  limit = DEFAULT_LIMIT,
  onChange,
}: FacetComboboxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(-1);

  const choices = useMemo(
    () => options.map((option): FacetChoice => ({ ...option, ...describe(option.value) })),
    [options, describe],
  );
  const { shown, hidden } = useMemo(() => narrowFacetChoices(choices, query, limit), [choices, query, limit]);
  // The list can shrink under the highlight when the facets are fetched again.
  const active = activeIndex < shown.length ? activeIndex : -1;
  const chosen = value ? describe(value) : undefined;
  let status: string | undefined;
  if (shown.length === 0) {
    status = query.trim()
      ? `No ${label.toLowerCase()} matches “${query.trim()}”`
      : 'No values to choose from';
  } else if (hidden > 0) {
    status = `${hidden} more — type to narrow`;
  }

  useEffect(() => {
    if (open && active !== -1) {
      // jsdom has no layout, hence no scrollIntoView.
      listRef.current?.children[active]?.scrollIntoView?.({ block: 'nearest' });
    }
  }, [open, active]);

  useEffect(() => {
    // The closed field shows the choice; selected, it is replaced by what the user types next rather than extended.
    if (!open && document.activeElement === inputRef.current) {
      inputRef.current?.select();
    }
  }, [open, value]);

  /** Opens the list on the chosen value, or else on `fallback` (-1 for no highlight). */
  const openList = (fallback: number) => {
    setOpen(true);
    const chosenIndex = shown.findIndex((choice) => choice.value === value);
    setActiveIndex(chosenIndex === -1 ? fallback : chosenIndex);
  };
  const close = () => {
    setOpen(false);
    setQuery('');
    setActiveIndex(-1);
  };
  const choose = (choice: FacetChoice) => {
    close();
    onChange(choice.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) {
          openList(0);
        } else if (shown.length > 0) {
          setActiveIndex((active + 1) % shown.length);
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) {
          openList(shown.length - 1);
        } else if (shown.length > 0) {
          setActiveIndex(active <= 0 ? shown.length - 1 : active - 1);
        }
        break;
      case 'Enter':
        if (open) {
          // Inside the filter form, Enter would otherwise submit the search.
          event.preventDefault();
          const choice = shown[active];
          if (choice) {
            choose(choice);
          } else {
            close();
          }
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        }
        break;
    }
  };

  return (
    <div className="atrium-field catalog-filters__facet catalog-combobox">
      <label htmlFor={id} className="atrium-field__label">
        {label}
      </label>
      <div className="catalog-combobox__control">
        <input
          id={id}
          ref={inputRef}
          className="atrium-input catalog-combobox__input"
          role="combobox"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-autocomplete="list"
          aria-activedescendant={open && active !== -1 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          // While the list is open the field holds what the user types; closed, it shows the choice.
          value={open ? query : (chosen?.label ?? '')}
          placeholder={chosen?.label ?? anyLabel}
          title={chosen?.detail}
          onChange={(event) => {
            setOpen(true);
            setQuery(event.target.value);
            setActiveIndex(event.target.value.trim() ? 0 : -1);
          }}
          onClick={() => {
            if (!open) {
              openList(-1);
            }
          }}
          onFocus={(event) => event.target.select()}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        {value ? (
          <button
            type="button"
            className="catalog-combobox__button"
            aria-label={`Clear ${label.toLowerCase()}`}
            title={`Clear ${label.toLowerCase()}`}
            onClick={() => {
              close();
              onChange('');
              inputRef.current?.focus();
            }}
          >
            <Icon name="close" size={14} />
          </button>
        ) : (
          // Pointer users' way to open the list; keyboard users have the arrows, so it is not a tab stop.
          <button
            type="button"
            tabIndex={-1}
            className="catalog-combobox__button"
            aria-label={`Show ${label.toLowerCase()} values`}
            aria-expanded={open}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              inputRef.current?.focus();
              if (open) {
                close();
              } else {
                openList(-1);
              }
            }}
          >
            <Icon name="chevron-down" size={14} />
          </button>
        )}
      </div>
      {open ? (
        <div className="catalog-combobox__popup">
          <div
            ref={listRef}
            id={listId}
            role="listbox"
            aria-label={label}
            className="catalog-combobox__list"
            // Pressing an option must not take focus from the input, or its blur would close the list first.
            onMouseDown={(event) => event.preventDefault()}
          >
            {shown.map((choice, index) => (
              // biome-ignore lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: in a combobox, focus stays in the input and aria-activedescendant points at the option, and the input handles the keys
              <div
                key={choice.value}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                aria-label={`${choice.label} (${choice.count})`}
                data-chosen={choice.value === value || undefined}
                title={choice.detail ?? choice.label}
                className="catalog-combobox__option"
                onMouseMove={() => setActiveIndex(index)}
                onClick={() => choose(choice)}
              >
                <span className="catalog-combobox__text">
                  <span className="catalog-combobox__label">{markMatch(choice.label, query)}</span>
                  {choice.detail ? (
                    <span className="catalog-combobox__detail">{markMatch(choice.detail, query)}</span>
                  ) : null}
                </span>
                <span className="catalog-combobox__count">{choice.count}</span>
              </div>
            ))}
          </div>
          {status ? (
            <p className="catalog-combobox__status" role="status">
              {status}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
