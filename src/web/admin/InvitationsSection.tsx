import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';
import { useInvitations } from '../api/admin-queries';
import { useToast } from '../shell/Toaster';
import { formatDate } from '../teams/labels';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorState, LoadingState } from '../ui/States';

export function InvitationsSection({ headingId }: { headingId: string }) {
  const { t, i18n } = useTranslation();
  const invitations = useInvitations();
  const queryClient = useQueryClient();
  const toast = useToast();

  return (
    <section className="section panel" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} className="section__title">
        {t('admin.invitations.title')}
      </h2>
      {invitations.isPending ? (
        <LoadingState />
      ) : invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.length === 0 ? (
        <p>{t('admin.invitations.empty')}</p>
      ) : (
        <ul className="row-list">
          {invitations.data.map((invitation) => (
            <li key={invitation.id} className="row">
              <span className="row__main">
                <span className="row__title">{invitation.email}</span>
                <span className="row__detail">
                  {t('admin.invitations.forGroup')}:{' '}
                  {invitation.groupName ?? t('admin.invitations.wholeDistrict')} ·{' '}
                  {t('admin.invitations.expires')}: {formatDate(invitation.expiresAt, i18n.language)}
                </span>
              </span>
              <span className="row__actions">
                <ConfirmDialog
                  trigger={t('admin.invitations.revoke')}
                  triggerLabel={t('admin.invitations.revokeFor', { email: invitation.email })}
                  title={t('admin.invitations.revokeTitle', { email: invitation.email })}
                  body={<p>{t('admin.invitations.revokeBody')}</p>}
                  confirmLabel={t('admin.invitations.revoke')}
                  onConfirm={async () => {
                    await call('revokeInvitation', { params: { invitationId: invitation.id } });
                    await queryClient.invalidateQueries({ queryKey: queryKeys.invitations });
                    toast(t('admin.invitations.revoked', { email: invitation.email }));
                  }}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
