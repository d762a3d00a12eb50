import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { Person } from '#contracts/org';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { useCopy } from '../ui/useCopy';
import { formatDateTime } from '../teams/labels';
import { Button } from '../ui/Button';
import { FormAlert } from '../ui/FormAlert';

/**
 * A district admin creates a one-time password-reset link for a person (for when email cannot reach them).
 * The link is shown once, in this dialog; closing the dialog forgets it (TRUST-RESET-LINK-1).
 */
export function ResetLinkDialog({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const describe = useDescribeError();
  const create = useMutation({
    mutationFn: () => call('issueResetLink', { params: { userId: person.id } }),
  });
  const copyText = useCopy();
  const copy = (link: string) =>
    copyText(link, {
      copied: t('admin.people.resetLinkCopied'),
      failed: t('admin.people.resetLinkCopyFailed'),
    });

  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (!open) create.reset();
      }}
    >
      <Button variant="quiet" aria-label={t('admin.people.resetLinkFor', { name: person.name })}>
        {t('admin.people.resetLink')}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog__title">
                  {t('admin.people.resetLinkTitle', { name: person.name })}
                </Heading>
                <p>{t('admin.people.resetLinkIntro', { name: person.name })}</p>
                {create.isError ? <FormAlert messages={[describe(create.error)]} /> : null}
                {create.data ? (
                  <div className="stack" role="status">
                    <p className="invite-link">
                      <span className="visually-hidden">{t('admin.people.resetLinkLabel')}: </span>
                      <code className="invite-link__url" data-testid="reset-link">
                        {create.data.link}
                      </code>
                    </p>
                    <p className="muted">
                      {t('admin.people.resetLinkExpires', {
                        time: formatDateTime(create.data.expiresAt, i18n.language),
                      })}{' '}
                      {t('admin.people.resetLinkOnce')}
                    </p>
                  </div>
                ) : null}
                <div className="dialog__actions">
                  {create.data ? (
                    <Button variant="primary" onPress={() => void copy(create.data.link)}>
                      {t('admin.people.resetLinkCopy')}
                    </Button>
                  ) : (
                    <Button variant="primary" isPending={create.isPending} onPress={() => create.mutate()}>
                      {t('admin.people.resetLinkCreate')}
                    </Button>
                  )}
                  <Button onPress={close}>{t('common.close')}</Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
