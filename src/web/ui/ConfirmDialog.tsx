import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../api/describeError';
import { Button, type ButtonVariant } from './Button';
import { Dialog } from './Dialog';
import { FormAlert } from './FormAlert';

export interface ConfirmDialogProps {
  /** The visible trigger text; `triggerLabel` names it for assistive tech when the text is short ("Remove"). */
  trigger: ReactNode;
  triggerLabel?: string;
  triggerVariant?: ButtonVariant;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  /** Runs on confirm. The dialog stays open, showing the error, if it rejects. */
  onConfirm: () => Promise<unknown>;
}

/** Asks before something that is hard to undo (an alertdialog). Focus stays inside and returns to the trigger. */
export function ConfirmDialog({
  trigger,
  triggerLabel,
  triggerVariant = 'quiet',
  title,
  body,
  confirmLabel,
  confirmVariant = 'danger',
  onConfirm,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [isOpen, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  const close = () => {
    setOpen(false);
    setError(null);
  };

  return (
    <>
      <Button
        variant={triggerVariant}
        aria-haspopup="dialog"
        {...(triggerLabel ? { 'aria-label': triggerLabel } : {})}
        onPress={() => {
          setOpen(true);
        }}
      >
        {trigger}
      </Button>
      <Dialog
        isOpen={isOpen}
        onClose={close}
        role="alertdialog"
        title={title}
        isDismissable={!pending}
        isBusy={pending}
      >
        <div className="dialog__body">{body}</div>
        {error ? <FormAlert messages={[describe(error)]} /> : null}
        <div className="dialog__actions">
          <Button variant="secondary" onPress={close} isDisabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button variant={confirmVariant} onPress={() => void confirm()} isPending={pending}>
            {confirmLabel}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
