/**
 * Professional organizations where principals plan their growth (NET-ORG-2): the list as this district or this
 * network keeps it. Those who keep it (district admins, a network's conveners) hide or show entries and add one.
 */
import { useState } from 'react';
import type { DirectoryEntry } from '#contracts/organizations';
import { ApiForm } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { RadioGroupField } from '../ui/RadioGroupField';
import { SelectField } from '../ui/SelectField';
import { ErrorState, LoadingState } from '../ui/States';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useNetworksT } from './i18n';
import { useAddOrganization, useOrganizations, useSetOrganizationHidden } from './queries';

export function Organizations() {
  const t = useNetworksT();
  const list = useOrganizations();
  return (
    <section className="section" aria-labelledby="organizations-heading">
      <h2 id="organizations-heading" className="section__title">
        {t('organizations.heading')}
      </h2>
      <p>{t('organizations.intro')}</p>
      {list.isPending ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {list.data.canEdit ? <p className="field__hint">{t('organizations.editIntro')}</p> : null}
          <ul className="organization-list">
            {list.data.items.map((entry) => (
              <Organization key={entry.key} entry={entry} canEdit={list.data.canEdit} />
            ))}
          </ul>
          {list.data.canEdit ? <AddOrganization /> : null}
        </>
      )}
    </section>
  );
}

function Organization({ entry, canEdit }: { entry: DirectoryEntry; canEdit: boolean }) {
  const t = useNetworksT();
  const setHidden = useSetOrganizationHidden();
  return (
    <li className="organization">
      <p className="organization__name">
        <a
          href={entry.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('organizations.visitLabel', { name: entry.name })}
        >
          {entry.name}
        </a>
      </p>
      <p className="organization__meta">
        {entry.scope === 'state'
          ? t('organizations.state', { state: entry.state ?? '' })
          : t('organizations.national')}
        {' · '}
        {t(`organizations.audience.${entry.audience}`)}
        {entry.hidden ? ` · ${t('organizations.hidden')}` : ''}
      </p>
      <p>{entry.offers}</p>
      {canEdit ? (
        <Button
          variant="quiet"
          isPending={setHidden.isPending}
          aria-label={t(entry.hidden ? 'organizations.showLabel' : 'organizations.hideLabel', {
            name: entry.name,
          })}
          onPress={() => setHidden.mutate({ entry, hidden: !entry.hidden })}
        >
          {entry.hidden ? t('organizations.show') : t('organizations.hide')}
        </Button>
      ) : null}
    </li>
  );
}

function AddOrganization() {
  const t = useNetworksT();
  const toast = useToast();
  const add = useAddOrganization();
  const [scope, setScope] = useState<'national' | 'state'>('national');
  return (
    <details className="organization-add">
      <summary>{t('organizations.add.heading')}</summary>
      <ApiForm
        fieldNames={['name', 'url', 'scope', 'state', 'audience', 'offers']}
        error={add.error}
        isPending={add.isPending}
        onValues={(values) => {
          const state = (values.state ?? '').trim().toUpperCase();
          const audience =
            values.audience === 'elementary' || values.audience === 'secondary' ? values.audience : 'all';
          add.mutate(
            {
              name: values.name ?? '',
              url: values.url ?? '',
              scope,
              state: scope === 'state' ? state : null,
              audience,
              offers: values.offers ?? '',
            },
            { onSuccess: (made) => toast(t('organizations.add.added', { name: made.name })) },
          );
        }}
      >
        <TextField name="name" label={t('organizations.add.name')} isRequired />
        <TextField
          name="url"
          type="url"
          label={t('organizations.add.url')}
          description={t('organizations.add.urlHint')}
          isRequired
        />
        <RadioGroupField
          name="scope"
          label={t('organizations.add.scope')}
          options={[
            { value: 'national', label: t('organizations.add.scopeNational') },
            { value: 'state', label: t('organizations.add.scopeState') },
          ]}
          value={scope}
          onChange={(v) => setScope(v === 'state' ? 'state' : 'national')}
        />
        {scope === 'state' ? (
          <TextField name="state" label={t('organizations.add.state')} maxLength={2} />
        ) : null}
        <SelectField
          name="audience"
          label={t('organizations.add.audience')}
          options={(['all', 'elementary', 'secondary'] as const).map((a) => ({
            id: a,
            label: t(`organizations.audience.${a}`),
          }))}
          defaultValue="all"
        />
        <TextAreaField name="offers" label={t('organizations.add.offers')} maxLength={400} rows={2} />
        <Button type="submit" variant="primary" isPending={add.isPending}>
          {t('organizations.add.submit')}
        </Button>
      </ApiForm>
    </details>
  );
}
