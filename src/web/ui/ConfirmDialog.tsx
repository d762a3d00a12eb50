import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useDescribeError } from '../api/describeError';
import { Button, type ButtonVariant } from './Button';
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

/** Asks before something that is hard to undo. Focus is trapped inside and returns to the trigger. */
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

  return (
    <DialogTrigger
      isOpen={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (!open) setError(null);
      }}
    >
      <Button variant={triggerVariant} {...(triggerLabel ? { 'aria-label': triggerLabel } : {})}>
        {trigger}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable={!pending}>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            <Heading slot="title" className="dialog__title">
              {title}
            </Heading>
            <div className="dialog__body">{body}</div>
            {error ? <FormAlert messages={[describe(error)]} /> : null}
            <div className="dialog__actions">
              <Button
                variant="secondary"
                onPress={() => {
                  setOpen(false);
                }}
                isDisabled={pending}
              >
                {t('common.cancel')}
              </Button>
              <Button variant={confirmVariant} onPress={() => void confirm()} isPending={pending}>
                {confirmLabel}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
