import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { Icon } from './Icon';
import type { MenuProps } from './MenuProps';

/** The implementation behind `Menu`, loaded on first use. */
export function MenuView({
  label,
  trigger,
  header,
  items,
  align = 'end',
  defaultOpen,
  autoFocus,
}: MenuProps & { defaultOpen: boolean; autoFocus: boolean }) {
  const navigate = useNavigate();
  const triggerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // This button replaced the placeholder the user had focused; keep their place.
    if (autoFocus && !defaultOpen) {
      triggerRef.current?.focus();
    }
  }, [autoFocus, defaultOpen]);
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen} modal={false}>
      <DropdownMenu.Trigger
        ref={triggerRef}
        className={`atrium-button atrium-button--${trigger ? 'ghost' : 'secondary'}`}
        aria-label={trigger ? label : undefined}
      >
        {trigger ?? label}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="atrium-menu" align={align} sideOffset={6} aria-label={label}>
          {header ? (
            <>
              <DropdownMenu.Label className="atrium-menu__header">{header}</DropdownMenu.Label>
              <DropdownMenu.Separator className="atrium-menu__separator" />
            </>
          ) : null}
          {items.map((item) => (
            <DropdownMenu.Item
              key={item.id}
              className="atrium-menu__item"
              disabled={item.disabled}
              onSelect={() => {
                item.onSelect?.();
                if (item.href) {
                  navigate(item.href);
                }
              }}
            >
              {item.icon ? <Icon name={item.icon} size={16} /> : null}
              {item.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
