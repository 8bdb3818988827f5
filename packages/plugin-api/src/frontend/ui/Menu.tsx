import { lazy, Suspense, startTransition, useRef, useState } from 'react';
import type { MenuProps } from './MenuProps';

const loadMenuView = () => import('./MenuView.js');
const MenuView = lazy(() => loadMenuView().then((m) => ({ default: m.MenuView })));

/**
 * A button that opens a list of actions or links (Radix UI dropdown menu:
 * arrow keys, typeahead, Escape). The menu's code loads when the pointer or the
 * focus first reaches the button, so an unused menu costs nothing.
 *
 * @example
 * <Menu label="Entity actions" items={[{ id: 'refresh', label: 'Refresh', icon: 'activity', onSelect: refresh }]} />
 */
export function Menu(props: MenuProps) {
  const [activation, setActivation] = useState<'none' | 'closed' | 'open'>('none');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const hadFocus = useRef(false);
  const activate = (next: 'closed' | 'open') => {
    hadFocus.current = document.activeElement === buttonRef.current;
    // A transition keeps this button on screen, and focused, while the menu's code loads.
    startTransition(() => setActivation((current) => (current === 'open' ? current : next)));
  };
  const placeholder = (
    <button
      ref={buttonRef}
      type="button"
      className={`atrium-button atrium-button--${props.trigger ? 'ghost' : 'secondary'}`}
      aria-label={props.trigger ? props.label : undefined}
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={() => void loadMenuView()}
      onFocus={() => activate('closed')}
      onClick={() => activate('open')}
    >
      {props.trigger ?? props.label}
    </button>
  );
  if (activation === 'none') {
    return placeholder;
  }
  return (
    <Suspense fallback={placeholder}>
      <MenuView {...props} defaultOpen={activation === 'open'} autoFocus={hadFocus.current} />
    </Suspense>
  );
}
