import { type Entity, getEntityPath, Icon, useSWR } from '@atrium/plugin-api/frontend';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCatalog } from '../services/useCatalog';

interface EntityPage {
  items: Entity[];
  totalItems?: number;
}

/** Waits for typing to pause before searching, so each keystroke is not a request. */
function useDebounced(value: string, delayMs: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * The global catalog search: a combobox (arrow keys choose, Enter opens, Escape
 * closes) over the catalog's full-text search. Without the catalog plugin it
 * says so instead of searching.
 */
export function SearchBox({ large = false }: { large?: boolean }) {
  const catalog = useCatalog();
  const navigate = useNavigate();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const term = useDebounced(query.trim(), 200);
  const key =
    catalog && term
      ? `${catalog.baseUrl}/entities/by-query?fullTextFilterTerm=${encodeURIComponent(term)}&limit=8`
      : null;
  const { data, error, isLoading } = useSWR<EntityPage>(key);
  const items = term ? (data?.items ?? []) : [];
  const expanded = open && query.trim() !== '';

  const choose = (entity: Entity) => {
    setOpen(false);
    setQuery('');
    navigate(getEntityPath(entity));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (items.length === 0 ? -1 : (current + step + items.length) % items.length));
    } else if (event.key === 'Enter') {
      const entity = items[active] ?? (items.length === 1 ? items[0] : undefined);
      if (entity) {
        event.preventDefault();
        choose(entity);
      }
    } else if (event.key === 'Escape') {
      if (expanded) {
        setOpen(false);
      } else {
        setQuery('');
      }
    }
  };

  let status: string | undefined;
  if (!catalog) {
    status = 'Search needs the catalog plugin; enable it under plugins.enabled.catalog.';
  } else if (error) {
    status = `Search failed: ${(error as Error).message}`;
  } else if (isLoading || term !== query.trim()) {
    status = 'Searching…';
  } else if (items.length === 0) {
    status = `Nothing matches “${query.trim()}”`;
  }

  return (
    <search className={large ? 'shell-search shell-search--large' : 'shell-search'}>
      <Icon name="search" size={large ? 20 : 16} className="shell-search__icon" />
      <input
        type="search"
        className="shell-search__input"
        placeholder="Search the catalog"
        aria-label="Search the catalog"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div className="shell-search__popup" hidden={!expanded}>
        <div
          id={listId}
          role="listbox"
          aria-label="Search results"
          className="shell-search__results"
          // Keeps focus in the input while an option is clicked.
          onMouseDown={(event) => event.preventDefault()}
        >
          {items.map((entity, index) => (
            // biome-ignore lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: in a combobox, focus stays in the input and aria-activedescendant points at the option, and the input handles the keys
            <div
              key={entity.metadata.uid ?? getEntityPath(entity)}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="shell-search__option"
              onClick={() => choose(entity)}
              onMouseEnter={() => setActive(index)}
            >
              <span className="shell-search__kind">{entity.kind}</span>
              <span className="shell-search__title">{entity.metadata.title ?? entity.metadata.name}</span>
              {entity.metadata.description ? (
                <span className="shell-search__description">{entity.metadata.description}</span>
              ) : null}
            </div>
          ))}
        </div>
        {status ? (
          <p className="shell-search__status" role="status">
            {status}
          </p>
        ) : null}
      </div>
    </search>
  );
}
