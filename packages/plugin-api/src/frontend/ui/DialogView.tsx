import * as RadixDialog from '@radix-ui/react-dialog';
import { useLayoutEffect, useRef } from 'react';
import type { DialogProps } from './DialogProps';
import { Icon } from './Icon';

/** The implementation behind `Dialog`, loaded the first time one opens. */
export function DialogView({ open, onOpenChange, title, description, children, footer }: DialogProps) {
  const returnFocus = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    // Runs before Radix moves focus in: remember what opened the dialog, since no Radix trigger did.
    if (open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    }
  }, [open]);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="atrium-dialog__overlay" />
        <RadixDialog.Content
          className="atrium-dialog"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocus.current?.focus();
          }}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <header className="atrium-dialog__header">
            <RadixDialog.Title className="atrium-dialog__title">{title}</RadixDialog.Title>
            <RadixDialog.Close className="atrium-button atrium-button--ghost" aria-label="Close">
              <Icon name="close" size={16} />
            </RadixDialog.Close>
          </header>
          {description ? (
            <RadixDialog.Description className="atrium-dialog__description">
              {description}
            </RadixDialog.Description>
          ) : null}
          <div className="atrium-dialog__body">{children}</div>
          {footer ? <footer className="atrium-dialog__footer">{footer}</footer> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
