import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiToken, CreatedApiToken } from '#contracts/api-tokens';
import { call } from '../api/client';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { formatDate } from '../teams/labels';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { SelectField } from '../ui/SelectField';
import { StatusBadge } from '../ui/StatusBadge';
import { ErrorState, LoadingState } from '../ui/States';
import { TextField } from '../ui/TextField';
import { useCopy } from '../ui/useCopy';

const myTokensKey = ['api-tokens', 'mine'] as const;
const fieldNames = ['name', 'scope', 'expiresInDays'] as const;

/** The form's lifetime choice as the contract takes it (ADR 0041: 30, 90 or 365 days, or until revoked). */
function lifetimeOf(value: string | undefined): 30 | 90 | 365 | null {
  if (value === '30') return 30;
  if (value === '365') return 365;
  if (value === 'never') return null;
  return 90;
}

/** API-TOKEN-WEB-1: "API tokens" on the Account page: make one (its secret shown once), list, revoke. */
export function ApiTokensSection() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const copyText = useCopy();
  const tokens = useQuery({
    queryKey: myTokensKey,
    queryFn: async ({ signal }) => (await call('listMyApiTokens', { signal })).items,
  });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [formKey, setFormKey] = useState(0);
  const create = useMutation({
    mutationFn: (values: FormValues) =>
      call('createApiToken', {
        body: {
          name: values.name ?? '',
          scope: values.scope === 'write' ? 'write' : 'read',
          expiresInDays: lifetimeOf(values.expiresInDays),
        },
      }),
    onSuccess: async (data) => {
      setCreated(data);
      setFormKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: myTokensKey });
    },
  });

  const when = (iso: string) => formatDate(iso, i18n.language);
  const detailsOf = (token: ApiToken) => {
    const parts = [
      t(`account.apiTokens.scope.${token.scope}`),
      t('account.apiTokens.created', { date: when(token.createdAt) }),
      token.lastUsedAt
        ? t('account.apiTokens.lastUsed', { date: when(token.lastUsedAt) })
        : t('account.apiTokens.neverUsed'),
      token.expiresAt
        ? t('account.apiTokens.expires', { date: when(token.expiresAt) })
        : t('account.apiTokens.noExpiry'),
    ];
    return parts.join(' · ');
  };

  return (
    <section className="section" aria-labelledby="account-api-tokens">
      <h2 id="account-api-tokens" className="section__title">
        {t('account.apiTokens.title')}
      </h2>
      <p>{t('account.apiTokens.intro')}</p>

      <div className="stack">
        <ApiForm
          // A fresh, empty form after each token made.
          key={formKey}
          fieldNames={fieldNames}
          error={create.error}
          isPending={create.isPending}
          onValues={(values) => {
            create.mutate(values);
          }}
        >
          <TextField
            name="name"
            label={t('account.apiTokens.name')}
            description={t('account.apiTokens.nameHint')}
            isRequired
            autoComplete="off"
          />
          <SelectField
            name="scope"
            label={t('account.apiTokens.scopeLabel')}
            defaultValue="read"
            options={[
              { id: 'read', label: t('account.apiTokens.scope.read') },
              { id: 'write', label: t('account.apiTokens.scope.write') },
            ]}
          />
          <SelectField
            name="expiresInDays"
            label={t('account.apiTokens.lifetime')}
            defaultValue="90"
            options={[
              { id: '30', label: t('account.apiTokens.days', { count: 30 }) },
              { id: '90', label: t('account.apiTokens.days', { count: 90 }) },
              { id: '365', label: t('account.apiTokens.days', { count: 365 }) },
              { id: 'never', label: t('account.apiTokens.untilRevoked') },
            ]}
          />
          <div className="form__actions">
            <Button type="submit" variant="primary" isPending={create.isPending}>
              {t('account.apiTokens.create')}
            </Button>
          </div>
        </ApiForm>
        {created ? (
          <div className="stack panel" role="status">
            <p>
              <strong>{t('account.apiTokens.createdTitle', { name: created.token.name })}</strong>
            </p>
            <p>{t('account.apiTokens.shownOnce')}</p>
            <p className="invite-link">
              <span className="visually-hidden">{t('account.apiTokens.secretLabel')}: </span>
              <code className="invite-link__url" data-testid="api-token-secret">
                {created.secret}
              </code>
            </p>
            <div className="actions">
              <Button
                variant="primary"
                onPress={() =>
                  void copyText(created.secret, {
                    copied: t('account.apiTokens.copied'),
                    failed: t('account.apiTokens.copyFailed'),
                  })
                }
              >
                {t('account.apiTokens.copy')}
              </Button>
              <Button
                onPress={() => {
                  setCreated(null);
                }}
              >
                {t('account.apiTokens.done')}
              </Button>
            </div>
          </div>
        ) : null}
      </div>

      <h3 className="subsection__title">{t('account.apiTokens.yours')}</h3>
      {tokens.isPending ? (
        <LoadingState />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p>{t('account.apiTokens.none')}</p>
      ) : (
        <ul className="row-list" aria-label={t('account.apiTokens.yours')}>
          {tokens.data.map((token) => (
            <li key={token.id} className="row">
              <span className="row__main">
                <span className="row__title">
                  {token.name}{' '}
                  {token.expiresAt && Date.parse(token.expiresAt) <= tokens.dataUpdatedAt ? (
                    <StatusBadge tone="attention">{t('account.apiTokens.expired')}</StatusBadge>
                  ) : null}
                </span>
                <span className="row__detail">{detailsOf(token)}</span>
              </span>
              <span className="row__actions">
                <ConfirmDialog
                  trigger={t('account.apiTokens.revoke')}
                  triggerLabel={t('account.apiTokens.revokeFor', { name: token.name })}
                  title={t('account.apiTokens.revokeTitle', { name: token.name })}
                  body={<p>{t('account.apiTokens.revokeBody')}</p>}
                  confirmLabel={t('account.apiTokens.revoke')}
                  onConfirm={async () => {
                    await call('revokeApiToken', { params: { tokenId: token.id } });
                    if (created?.token.id === token.id) setCreated(null);
                    await queryClient.invalidateQueries({ queryKey: myTokensKey });
                    toast(t('account.apiTokens.revoked', { name: token.name }));
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
