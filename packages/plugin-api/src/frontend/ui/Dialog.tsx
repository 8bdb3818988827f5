import { lazy, Suspense, useState } from 'react';
import type { DialogProps } from './DialogProps';

const DialogView = lazy(() => import('./DialogView.js').then((m) => ({ default: m.DialogView })));

/**
 * A modal dialog (Radix UI: focus trapped inside, Escape closes, focus returns
 * to where it was). Its code loads the first time it opens.
 *
 * @example
 * <Dialog open={open} onOpenChange={setOpen} title="Unregister location?"
 *   footer={<Button variant="danger" onClick={remove}>Unregister</Button>}>This removes its entities.</Dialog>
 */
export function Dialog(props: DialogProps) {
  const [everOpened, setEverOpened] = useState(props.open);
  if (props.open && !everOpened) {
    setEverOpened(true);
  }
  if (!everOpened) {
    return null;
  }
  return (
    <Suspense fallback={null}>
      <DialogView {...props} />
    </Suspense>
  );
}
