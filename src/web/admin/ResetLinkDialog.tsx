import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Person } from '#contracts/org';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { useCopy } from '../ui/useCopy';
import { formatDateTime } from '../teams/labels';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
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
  const [isOpen, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    create.reset();
  };
  const copyText = useCopy();
  const copy = (link: string) =>
    copyText(link, {
      copied: t('admin.people.resetLinkCopied'),
      failed: t('admin.people.resetLinkCopyFailed'),
    });

  return (
    <>
      <Button
        variant="quiet"
        aria-haspopup="dialog"
        aria-label={t('admin.people.resetLinkFor', { name: person.name })}
        onPress={() => {
          setOpen(true);
        }}
      >
        {t('admin.people.resetLink')}
      </Button>
      <Dialog
        isOpen={isOpen}
        onClose={close}
        title={t('admin.people.resetLinkTitle', { name: person.name })}
        isDismissable
      >
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
      </Dialog>
    </>
  );
}
