import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { classNames } from './classNames';
import { openLayer } from './layers';

export interface DialogProps {
  /** Shown while true; the owner keeps the state (`useState`) and closes it in `onClose`. */
  isOpen: boolean;
  /** The person asked to close it: Escape, or a click outside when `isDismissable`. */
  onClose: () => void;
  title: ReactNode;
  /** `alertdialog` for a question that interrupts ("Discard your changes?"). */
  role?: 'dialog' | 'alertdialog';
  /** A click outside the dialog closes it too (Escape always does). */
  isDismissable?: boolean;
  /** A request of the dialog's is running: Escape does nothing (the owner closes it when the request is done). */
  isBusy?: boolean;
  size?: 'large';
  /** More classes for the dialog's content box (`dialog--center`). */
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog on the browser's own `<dialog>` with `showModal()`: the rest of the page is inert, focus
 * moves in (to the control marked `autoFocus`, else the first one), Tab stays inside, Escape closes, and on
 * close focus goes back to the control that had it before (the opener), if it is still on the page.
 */
export function Dialog(props: DialogProps) {
  return props.isOpen ? createPortal(<OpenDialog {...props} />, document.body) : null;
}

function OpenDialog({
  onClose,
  title,
  role = 'dialog',
  isDismissable = false,
  isBusy = false,
  size,
  className,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Read once, while rendering the dialog for the first time: the control that opened it.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  const pressedOutside = useRef(false);
  const onCloseRef = useRef(onClose);
  const busyRef = useRef(isBusy);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
    busyRef.current = isBusy;
  });

  const layerRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    // The live region and the toasts come inside while it is open (ui/layers.ts): outside they are inert.
    const closeLayer = layerRef.current ? openLayer(layerRef.current) : null;
    return () => {
      closeLayer?.();
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      className={classNames('modal', size === 'large' && 'modal--large')}
      onCancel={(event) => {
        // Escape: the owner closes it, so that its state and the element agree (not while it is busy).
        event.preventDefault();
        if (!busyRef.current) onCloseRef.current();
      }}
      onClose={(event) => {
        // Closed by the browser itself (a second Escape without user activation): tell the owner, or, while
        // busy, open it again, so that it stays open as long as the owner says it is.
        const dialog = event.currentTarget;
        if (dialog.open) return;
        if (busyRef.current) dialog.showModal();
        else onCloseRef.current();
      }}
      onPointerDown={(event) => {
        pressedOutside.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        // The content box fills the <dialog>, so a click on the element itself is a click on the backdrop.
        if (isDismissable && pressedOutside.current && event.target === event.currentTarget)
          onCloseRef.current();
      }}
    >
      <div className={classNames('dialog', className)}>
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children}
      </div>
      <div ref={layerRef} className="modal__layer" />
    </dialog>
  );
}
