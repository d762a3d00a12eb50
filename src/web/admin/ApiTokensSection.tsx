import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useToast } from '../shell/Toaster';
import { formatDate } from '../teams/labels';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorState, LoadingState } from '../ui/States';

const districtTokensKey = ['api-tokens', 'district'] as const;

/** API-TOKEN-WEB-2: the district's personal API tokens (names, owners, access; never secrets), revocable. */
export function ApiTokensSection({ headingId }: { headingId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const tokens = useQuery({
    queryKey: districtTokensKey,
    queryFn: async ({ signal }) => (await call('listDistrictApiTokens', { signal })).items,
  });
  const when = (iso: string) => formatDate(iso, i18n.language);

  return (
    <section className="section panel" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} className="section__title">
        {t('admin.apiTokens.title')}
      </h2>
      <p>{t('admin.apiTokens.intro')}</p>
      {tokens.isPending ? (
        <LoadingState />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p>{t('admin.apiTokens.empty')}</p>
      ) : (
        <ul className="row-list" aria-label={t('admin.apiTokens.title')}>
          {tokens.data.map((token) => (
            <li key={token.id} className="row">
              <span className="row__main">
                <span className="row__title">
                  {t('admin.apiTokens.nameOf', { name: token.name, owner: token.owner.name })}
                </span>
                <span className="row__detail">
                  {[
                    t(`admin.apiTokens.scope.${token.scope}`),
                    t('admin.apiTokens.created', { date: when(token.createdAt) }),
                    token.lastUsedAt
                      ? t('admin.apiTokens.lastUsed', { date: when(token.lastUsedAt) })
                      : t('admin.apiTokens.neverUsed'),
                    token.expiresAt
                      ? t('admin.apiTokens.expires', { date: when(token.expiresAt) })
                      : t('admin.apiTokens.noExpiry'),
                  ].join(' · ')}
                </span>
              </span>
              <span className="row__actions">
                <ConfirmDialog
                  trigger={t('admin.apiTokens.revoke')}
                  triggerLabel={t('admin.apiTokens.revokeFor', { name: token.name, owner: token.owner.name })}
                  title={t('admin.apiTokens.revokeTitle', { name: token.name, owner: token.owner.name })}
                  body={<p>{t('admin.apiTokens.revokeBody')}</p>}
                  confirmLabel={t('admin.apiTokens.revoke')}
                  onConfirm={async () => {
                    await call('revokeDistrictApiToken', { params: { tokenId: token.id } });
                    await queryClient.invalidateQueries({ queryKey: districtTokensKey });
                    toast(t('admin.apiTokens.revoked', { name: token.name }));
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
