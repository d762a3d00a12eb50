/**
 * SSO-CONFIG-1..3 in the admin page: the district's sign-in providers, its sign-in link to copy, a form to add
 * Google Workspace, Microsoft Entra ID or another OpenID Connect provider, and per provider a change dialog (a new
 * client secret replaces the stored one, which is never shown) and removal.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SsoProvider, SsoProviderKind } from '#contracts/sso';
import { call } from '../api/client';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { SelectField } from '../ui/SelectField';
import { StatusBadge } from '../ui/StatusBadge';
import { ErrorState, LoadingState } from '../ui/States';
import { TextField } from '../ui/TextField';
import { ToggleSwitch } from '../ui/ToggleSwitch';
import { useCopy } from '../ui/useCopy';
import './i18n';
import './sso.css';

const QUERY_KEY = ['sso-providers'] as const;
const KINDS: readonly SsoProviderKind[] = ['google', 'microsoft', 'oidc'];
const addFields = [
  'kind',
  'label',
  'googleDomain',
  'tenantId',
  'issuer',
  'clientId',
  'clientSecret',
  'allowedDomains',
];
const editFields = ['label', 'clientSecret', 'allowedDomains'];

/** "a.org, b.org" → ["a.org", "b.org"] (the server checks each). */
const domainsOf = (text: string | undefined) =>
  (text ?? '')
    .split(/[,\s]+/)
    .map((d) => d.trim())
    .filter(Boolean);

function createBody(kind: SsoProviderKind, v: FormValues) {
  const common = {
    label: v.label ?? '',
    clientId: v.clientId ?? '',
    clientSecret: v.clientSecret ?? '',
    allowedDomains: domainsOf(v.allowedDomains),
  };
  if (kind === 'google') return { kind, googleDomain: v.googleDomain ?? '', ...common };
  if (kind === 'microsoft') return { kind, tenantId: v.tenantId ?? '', ...common };
  return { kind, issuer: v.issuer ?? '', ...common };
}

export function SsoAdminSection({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const copy = useCopy();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<SsoProviderKind>('google');
  const [addKey, setAddKey] = useState(0);
  const list = useQuery({
    queryKey: QUERY_KEY,
    queryFn: ({ signal }) => call('listSsoProviders', { signal }),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: QUERY_KEY });
  const add = useMutation({
    mutationFn: (values: FormValues) => call('createSsoProvider', { body: createBody(kind, values) }),
    onSuccess: (created) => {
      refresh();
      toast(t('sso.admin.added', { label: created.label }));
      setAddKey((k) => k + 1);
    },
  });

  return (
    <section className="section panel" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} className="section__title">
        {t('sso.admin.title')}
      </h2>
      <p>{t('sso.admin.intro')}</p>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('sso.admin.signInLink')}</dt>
              <dd className="facts__value">
                <code className="sso-address">{`${window.location.origin}${list.data.signInPath}`}</code>{' '}
                <Button
                  variant="quiet"
                  onPress={() =>
                    void copy(`${window.location.origin}${list.data.signInPath}`, {
                      copied: t('sso.admin.copied'),
                      failed: `${window.location.origin}${list.data.signInPath}`,
                    })
                  }
                >
                  {t('sso.admin.copyLink')}
                </Button>
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('sso.admin.redirectUri')}</dt>
              <dd className="facts__value">
                <code className="sso-address">{list.data.redirectUri}</code>
              </dd>
            </div>
          </dl>
          {list.data.items.length === 0 ? (
            <p>{t('sso.admin.empty')}</p>
          ) : (
            <ul className="row-list">
              {list.data.items.map((p) => (
                <ProviderRow key={p.id} provider={p} onChanged={refresh} />
              ))}
            </ul>
          )}
        </>
      )}
      <h3 className="subsection__title">{t('sso.admin.add')}</h3>
      <ApiForm
        key={addKey}
        fieldNames={addFields}
        error={add.error}
        onValues={(values) => {
          add.mutate(values);
        }}
      >
        <SelectField
          name="kind"
          label={t('sso.admin.kind')}
          options={KINDS.map((k) => ({ id: k, label: t(`sso.admin.kinds.${k}`) }))}
          value={kind}
          onChange={(value) => {
            const next = KINDS.find((k) => k === value);
            if (next) setKind(next);
          }}
        />
        <TextField
          key={`label-${kind}`}
          name="label"
          label={t('sso.admin.label')}
          defaultValue={t(`sso.admin.labelDefault.${kind}`)}
          isRequired
          autoComplete="off"
        />
        {kind === 'google' ? (
          <TextField
            name="googleDomain"
            label={t('sso.admin.googleDomain')}
            description={t('sso.admin.googleDomainHint')}
            isRequired
            autoComplete="off"
          />
        ) : kind === 'microsoft' ? (
          <TextField
            name="tenantId"
            label={t('sso.admin.tenantId')}
            description={t('sso.admin.tenantIdHint')}
            isRequired
            autoComplete="off"
          />
        ) : (
          <TextField
            name="issuer"
            type="url"
            label={t('sso.admin.issuer')}
            description={t('sso.admin.issuerHint')}
            isRequired
            autoComplete="off"
          />
        )}
        <TextField name="clientId" label={t('sso.admin.clientId')} isRequired autoComplete="off" />
        <TextField
          name="clientSecret"
          type="password"
          label={t('sso.admin.clientSecret')}
          description={t('sso.admin.clientSecretHint')}
          isRequired
          autoComplete="new-password"
        />
        <TextField
          name="allowedDomains"
          label={t('sso.admin.allowedDomains')}
          description={t('sso.admin.allowedDomainsHint')}
          autoComplete="off"
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={add.isPending}>
            {t('sso.admin.submit')}
          </Button>
        </div>
      </ApiForm>
    </section>
  );
}

function ProviderRow({ provider: p, onChanged }: { provider: SsoProvider; onChanged: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  return (
    <li className="row">
      <span className="row__main">
        <span className="row__title">{p.label}</span>
        <StatusBadge tone={p.enabled ? 'positive' : 'neutral'}>
          {p.enabled ? t('sso.admin.on') : t('sso.admin.off')}
        </StatusBadge>
        <span className="row__detail">
          {t(`sso.admin.kinds.${p.kind}`)}
          {p.googleDomain ? ` · ${p.googleDomain}` : ''}
          {p.tenantId ? ` · ${p.tenantId}` : ''}
          {p.kind === 'oidc' ? ` · ${p.issuer}` : ''}
          {` · ${t('sso.admin.secret')}: ${p.clientSecretSet ? t('sso.admin.clientSecretSet') : t('sso.admin.none')}`}
          {` · ${t('sso.admin.domains')}: ${p.allowedDomains.length ? p.allowedDomains.join(', ') : t('sso.admin.none')}`}
        </span>
      </span>
      <span className="row__actions">
        <EditProviderDialog provider={p} onSaved={onChanged} />
        <ConfirmDialog
          trigger={t('sso.admin.remove')}
          triggerLabel={t('sso.admin.removeFor', { label: p.label })}
          title={t('sso.admin.removeTitle', { label: p.label })}
          body={<p>{t('sso.admin.removeBody')}</p>}
          confirmLabel={t('sso.admin.remove')}
          onConfirm={async () => {
            await call('deleteSsoProvider', { params: { providerId: p.id } });
            onChanged();
            toast(t('sso.admin.removed', { label: p.label }));
          }}
        />
      </span>
    </li>
  );
}

function EditProviderDialog({ provider: p, onSaved }: { provider: SsoProvider; onSaved: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [isOpen, setOpen] = useState(false);
  const [enabled, setEnabled] = useState(p.enabled);
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      call('updateSsoProvider', {
        params: { providerId: p.id },
        body: {
          label: v.label ?? p.label,
          allowedDomains: domainsOf(v.allowedDomains),
          enabled,
          ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
        },
      }),
    onSuccess: (saved) => {
      onSaved();
      toast(t('sso.admin.saved', { label: saved.label }));
      setOpen(false);
    },
  });
  const close = () => {
    setOpen(false);
    save.reset();
  };
  return (
    <>
      <Button
        variant="quiet"
        aria-haspopup="dialog"
        aria-label={t('sso.admin.editFor', { label: p.label })}
        onPress={() => {
          setEnabled(p.enabled);
          setOpen(true);
        }}
      >
        {t('sso.admin.edit')}
      </Button>
      <Dialog
        isOpen={isOpen}
        onClose={close}
        title={t('sso.admin.editTitle', { label: p.label })}
        isDismissable
      >
        <ApiForm
          fieldNames={editFields}
          error={save.error}
          onValues={(values) => {
            save.mutate(values);
          }}
        >
          <TextField
            name="label"
            label={t('sso.admin.label')}
            defaultValue={p.label}
            isRequired
            autoComplete="off"
          />
          <TextField
            name="clientSecret"
            type="password"
            label={t('sso.admin.newSecret')}
            description={t('sso.admin.newSecretHint')}
            autoComplete="new-password"
          />
          <TextField
            name="allowedDomains"
            label={t('sso.admin.allowedDomains')}
            description={t('sso.admin.allowedDomainsHint')}
            defaultValue={p.allowedDomains.join(', ')}
            autoComplete="off"
          />
          <ToggleSwitch label={t('sso.admin.enabled')} isSelected={enabled} onChange={setEnabled} />
          <div className="dialog__actions">
            <Button variant="secondary" onPress={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="primary" isPending={save.isPending}>
              {t('common.save')}
            </Button>
          </div>
        </ApiForm>
      </Dialog>
    </>
  );
}
