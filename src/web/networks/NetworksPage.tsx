/**
 * /networks (NET-WEB-4), from one's own district: my networks (each opens in this tab at /n/:id), the networks open
 * to requests (ask to join, showing what I choose), and for district admins "Start a network". It says plainly what
 * the district keeps (only that I belong) and that what I write in a network stays there.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedNetwork } from '#contracts/networks';
import type { z } from '#contracts/zod';
import { ApiForm } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { useSignedInUser } from '../shell/session';
import { Button, ButtonLink } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { RadioGroupField } from '../ui/RadioGroupField';
import { ErrorState, LoadingState } from '../ui/States';
import { StatusBadge } from '../ui/StatusBadge';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { useNetworksT } from './i18n';
import { useCreateNetwork, useListedNetworks, useMyNetworks, useRequestToJoin } from './queries';
import { ShownFields, shownFieldNames, shownOf } from './ShownFields';
import { Organizations } from './Organizations';
import './networks.css';

type Listed = z.infer<typeof ListedNetwork>;

export function NetworksPage() {
  const t = useNetworksT();
  const me = useSignedInUser();
  const isAdmin = me.districtRole === 'district_admin';
  const mayJoin = isAdmin || me.schools.some((school) => school.role === 'school_leader');
  return (
    <Page title={t('list.title')} intro={<p>{t('list.intro')}</p>}>
      <Notice tone="info">
        <p>{t('list.privacy')}</p>
      </Notice>
      <div className={isAdmin ? 'team-layout' : undefined}>
        <div className="team-layout__main">
          <MyNetworks />
          {mayJoin ? <ListedNetworks /> : null}
          {mayJoin ? (
            <section className="section panel" aria-labelledby="networks-colleague">
              <h2 id="networks-colleague" className="section__title">
                {t('colleague.heading')}
              </h2>
              <p>{t('colleague.body')}</p>
              <ButtonLink to="/colleague" variant="primary">
                {t('colleague.link')}
              </ButtonLink>
            </section>
          ) : null}
          <Organizations />
        </div>
        {isAdmin ? (
          <div className="team-layout__side">
            <StartNetwork />
          </div>
        ) : null}
      </div>
    </Page>
  );
}

function MyNetworks() {
  const t = useNetworksT();
  const mine = useMyNetworks();
  return (
    <section className="section" aria-labelledby="networks-mine">
      <h2 id="networks-mine" className="section__title">
        {t('list.mine')}
      </h2>
      {mine.isPending ? (
        <LoadingState label={t('loading')} />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.length === 0 ? (
        <p className="muted">{t('list.mineNone')}</p>
      ) : (
        <>
          <p className="muted">{t('list.openNote')}</p>
          <ul className="row-list" data-testid="my-networks">
            {mine.data.map((network) => (
              <li key={network.id} className="row">
                <div className="row__main">
                  <span className="row__title">{network.name}</span>
                </div>
                <div className="row__actions">
                  <ButtonLink
                    to={`/n/${network.id}`}
                    variant="primary"
                    aria-label={t('list.openLabel', { name: network.name })}
                  >
                    {t('list.open')}
                  </ButtonLink>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ListedNetworks() {
  const t = useNetworksT();
  const listed = useListedNetworks(true);
  return (
    <section className="section" aria-labelledby="networks-listed">
      <h2 id="networks-listed" className="section__title">
        {t('list.listed')}
      </h2>
      <p>{t('list.listedIntro')}</p>
      {listed.isPending ? (
        <LoadingState label={t('loading')} />
      ) : listed.isError ? (
        <ErrorState error={listed.error} onRetry={() => void listed.refetch()} />
      ) : listed.data.length === 0 ? (
        <p className="muted">{t('list.listedNone')}</p>
      ) : (
        <ul className="row-list" data-testid="listed-networks">
          {listed.data.map((network) => (
            <li key={network.id} className="row">
              <div className="row__main">
                <span className="row__title">{network.name}</span>
                {network.description ? <span className="row__detail">{network.description}</span> : null}
              </div>
              <div className="row__actions">
                {network.member ? (
                  <StatusBadge tone="positive">{t('list.member')}</StatusBadge>
                ) : network.requested ? (
                  <span className="network-requested">
                    <StatusBadge tone="neutral">{t('list.requested')}</StatusBadge>
                    <span className="visually-hidden"> {t('list.requestedNote')}</span>
                  </span>
                ) : (
                  <AskToJoin network={network} />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const askFields = [...shownFieldNames, 'message'] as const;

function AskToJoin({ network }: { network: Listed }) {
  const t = useNetworksT();
  const { t: tc } = useTranslation();
  const toast = useToast();
  const [isOpen, setOpen] = useState(false);
  const ask = useRequestToJoin();
  const close = () => {
    setOpen(false);
    ask.reset();
  };
  return (
    <>
      <Button
        variant="primary"
        aria-haspopup="dialog"
        aria-label={t('list.askLabel', { name: network.name })}
        onPress={() => {
          setOpen(true);
        }}
      >
        {t('list.ask')}
      </Button>
      <Dialog
        isOpen={isOpen}
        onClose={close}
        title={t('list.askTitle', { name: network.name })}
        isDismissable
      >
        <p>{t('list.askIntro')}</p>
        <ApiForm
          fieldNames={askFields}
          error={ask.error}
          isPending={ask.isPending}
          onValues={(values) => {
            ask.mutate(
              { networkId: network.id, shown: shownOf(values), message: values.message ?? '' },
              {
                onSuccess: () => {
                  setOpen(false);
                  toast(t('list.sent', { name: network.name }));
                },
              },
            );
          }}
        >
          <ShownFields />
          <TextAreaField name="message" label={t('list.message')} maxLength={1000} rows={3} />
          <div className="dialog__actions">
            <Button variant="secondary" onPress={close}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" variant="primary" isPending={ask.isPending}>
              {t('list.send')}
            </Button>
          </div>
        </ApiForm>
      </Dialog>
    </>
  );
}

const startFields = ['name', 'description', 'visibility'] as const;

function StartNetwork() {
  const t = useNetworksT();
  const toast = useToast();
  const create = useCreateNetwork();
  const [formKey, setFormKey] = useState(0);
  return (
    <section className="section panel" aria-labelledby="networks-start">
      <h2 id="networks-start" className="section__title">
        {t('list.start.title')}
      </h2>
      <p>{t('list.start.intro')}</p>
      <ApiForm
        key={formKey}
        fieldNames={startFields}
        error={create.error}
        isPending={create.isPending}
        onValues={(values) => {
          create.mutate(
            {
              name: values.name ?? '',
              description: values.description ?? '',
              visibility: values.visibility === 'listed' ? 'listed' : 'unlisted',
            },
            {
              onSuccess: (network) => {
                toast(t('list.start.started', { name: network.name }));
                setFormKey((key) => key + 1);
              },
            },
          );
        }}
      >
        <TextField name="name" label={t('list.start.name')} isRequired autoComplete="off" />
        <TextAreaField name="description" label={t('list.start.description')} maxLength={2000} rows={3} />
        <RadioGroupField
          name="visibility"
          label={t('list.start.visibility')}
          defaultValue="listed"
          options={[
            { value: 'listed', label: t('list.start.listed') },
            { value: 'unlisted', label: t('list.start.unlisted') },
          ]}
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {t('list.start.submit')}
          </Button>
        </div>
      </ApiForm>
    </section>
  );
}
