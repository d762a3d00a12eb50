/**
 * `/` in a tab that is in a network (NET-WEB-5): the network's name and description, its cohorts with their current
 * cycle's focus and goal (join one, or open it: the team page), and its members as they chose to show themselves.
 * Conveners also start cohorts, decide requests to join and invite by email. Every member may leave.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Cohort } from '#contracts/cohorts';
import type { NetworkDetail } from '#contracts/networks';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { ApiForm } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { useLeaveNetworkSpace } from '../shell/network-frame';
import { Organizations } from './Organizations';
import { Button, ButtonLink } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FormAlert } from '../ui/FormAlert';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { ErrorState, LoadingState } from '../ui/States';
import { StatusBadge } from '../ui/StatusBadge';
import { TextField } from '../ui/TextField';
import { useCopy } from '../ui/useCopy';
import { CohortCycleFacts } from './CohortCycleFacts';
import { CycleFields, cycleFieldNames, useCycleFields } from './CycleFields';
import { useNetworksT } from './i18n';
import {
  useCohorts,
  useCreateCohort,
  useCurrentNetworkDetail,
  useDecideRequest,
  useInviteToNetwork,
  useJoinCohort,
  useJoinRequests,
  usePendingInvitations,
} from './queries';
import './networks.css';
import '../i18n/focus-areas';

export function NetworkHomePage() {
  const t = useNetworksT();
  const { t: tc } = useTranslation();
  const network = useCurrentNetworkDetail();
  // Asked beside the network itself: the page draws once, with its cohorts (DAY-PERF-4).
  const cohorts = useCohorts();
  if (network.isPending || cohorts.isPending)
    return (
      <Page title={tc('app.loading')}>
        <LoadingState label={t('loading')} />
      </Page>
    );
  if (network.isError)
    return (
      <Page title={tc('errors.crashTitle')} width="narrow">
        <ErrorState error={network.error} onRetry={() => void network.refetch()} />
      </Page>
    );
  const detail = network.data;
  const manage = detail.abilities.manage;
  return (
    <Page
      title={detail.name}
      intro={
        <>
          {detail.description ? <p>{detail.description}</p> : <p>{t('home.intro')}</p>}
          <p className="page__facts">{t('home.memberCount', { count: detail.members.length })}</p>
          {/* MEASURE-NET-WEB-1, SHARE-NET-WEB-1: on a phone the header has no room for "Surveys" or the network
              library; the ways there are here. */}
          <p className="site-nav-narrow-only">
            <Link to="/surveys">{t('home.surveysLink')}</Link>
          </p>
          <p className="site-nav-narrow-only">
            <Link to="/shared">{t('home.libraryLink')}</Link>
          </p>
        </>
      }
    >
      <div className={manage ? 'team-layout' : undefined}>
        <div className="team-layout__main">
          <section className="section" aria-labelledby="network-cohorts">
            <h2 id="network-cohorts" className="section__title">
              {t('home.cohorts')}
            </h2>
            <p>{t('home.cohortsIntro')}</p>
            {cohorts.isError ? (
              <ErrorState error={cohorts.error} onRetry={() => void cohorts.refetch()} />
            ) : cohorts.data.length === 0 ? (
              <p className="muted">{t('home.cohortsNone')}</p>
            ) : (
              <ul className="cohort-list" data-testid="cohorts">
                {cohorts.data.map((cohort) => (
                  <CohortCard key={cohort.id} cohort={cohort} />
                ))}
              </ul>
            )}
          </section>
          {manage ? <JoinRequests /> : null}
          <Members detail={detail} />
        </div>
        {manage ? (
          <div className="team-layout__side">
            <StartCohort />
            <InviteToNetwork />
          </div>
        ) : null}
      </div>
      <Organizations />
      {/* Last, below a convener's tools on a phone too. */}
      <LeaveNetwork name={detail.name} />
    </Page>
  );
}

function CohortCard({ cohort }: { cohort: Cohort }) {
  const t = useNetworksT();
  const toast = useToast();
  const join = useJoinCohort();
  const describe = useDescribeError();
  const headingId = `cohort-${cohort.id}`;
  return (
    <li className="cohort-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="cohort-card__title">
        {cohort.name}
      </h3>
      <CohortCycleFacts cycle={cohort.cycle} />
      <p className="cohort-card__meta">
        <span>{t('home.memberCount', { count: cohort.memberCount })}</span>
        {cohort.member ? <StatusBadge tone="positive">{t('home.youBelong')}</StatusBadge> : null}
      </p>
      {join.error ? <FormAlert messages={[describe(join.error)]} /> : null}
      <div className="actions">
        {cohort.member ? (
          <ButtonLink
            to={`/teams/${cohort.id}`}
            variant="primary"
            aria-label={t('home.openCohortLabel', { name: cohort.name })}
          >
            {t('home.openCohort')}
          </ButtonLink>
        ) : (
          <Button
            variant="primary"
            aria-label={t('home.joinLabel', { name: cohort.name })}
            isPending={join.isPending}
            onPress={() => {
              join.mutate(cohort.id, {
                onSuccess: () => {
                  toast(t('home.joined', { name: cohort.name }));
                },
              });
            }}
          >
            {t('home.join')}
          </Button>
        )}
      </div>
    </li>
  );
}

function Members({ detail }: { detail: NetworkDetail }) {
  const t = useNetworksT();
  return (
    <section className="section" aria-labelledby="network-members">
      <h2 id="network-members" className="section__title">
        {t('home.members')}
      </h2>
      <ul className="row-list" data-testid="network-members">
        {detail.members.map((member) => {
          const shown = [member.school, member.district].filter((part) => part !== '').join(' · ');
          return (
            <li key={member.id} className="row">
              <div className="row__main">
                <span className="row__title">
                  {member.name}
                  {member.id === detail.myMemberId ? ` ${t('home.you')}` : ''}
                </span>
                {shown ? <span className="row__detail">{shown}</span> : null}
              </div>
              {member.role === 'convener' ? (
                <div className="row__badges">
                  <StatusBadge tone="neutral">{t('home.convener')}</StatusBadge>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function JoinRequests() {
  const t = useNetworksT();
  const toast = useToast();
  const describe = useDescribeError();
  const requests = useJoinRequests(true);
  const decide = useDecideRequest();
  return (
    <section className="section" aria-labelledby="network-requests">
      <h2 id="network-requests" className="section__title">
        {t('home.requests.title')}
      </h2>
      {decide.error ? <FormAlert messages={[describe(decide.error)]} /> : null}
      {requests.isPending ? (
        <LoadingState label={t('loading')} />
      ) : requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.length === 0 ? (
        <p className="muted">{t('home.requests.none')}</p>
      ) : (
        <ul className="row-list" data-testid="network-requests">
          {requests.data.map((request) => {
            const shown = [request.school, request.district].filter((part) => part !== '').join(' · ');
            const run = (decision: 'approve' | 'decline') => {
              decide.mutate(
                { requestId: request.id, decision },
                {
                  onSuccess: () => {
                    toast(
                      t(decision === 'approve' ? 'home.requests.approved' : 'home.requests.declined', {
                        name: request.name,
                      }),
                    );
                  },
                },
              );
            };
            return (
              <li key={request.id} className="row">
                <div className="row__main">
                  <span className="row__title">{request.name}</span>
                  {shown ? <span className="row__detail">{shown}</span> : null}
                  {request.message ? (
                    <span className="row__detail">
                      {t('home.requests.message', { message: request.message })}
                    </span>
                  ) : null}
                </div>
                <div className="row__actions">
                  <Button
                    variant="primary"
                    aria-label={t('home.requests.approveLabel', { name: request.name })}
                    isPending={decide.isPending && decide.variables.requestId === request.id}
                    onPress={() => {
                      run('approve');
                    }}
                  >
                    {t('home.requests.approve')}
                  </Button>
                  <Button
                    variant="secondary"
                    aria-label={t('home.requests.declineLabel', { name: request.name })}
                    onPress={() => {
                      run('decline');
                    }}
                  >
                    {t('home.requests.decline')}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

const cohortFields = ['name', ...cycleFieldNames] as const;

function StartCohort() {
  const t = useNetworksT();
  const toast = useToast();
  const create = useCreateCohort();
  const [formKey, setFormKey] = useState(0);
  const cycle = useCycleFields();
  return (
    <section className="section panel" aria-labelledby="network-start-cohort">
      <h2 id="network-start-cohort" className="section__title">
        {t('home.startCohort.title')}
      </h2>
      <p>{t('home.startCohort.intro')}</p>
      <ApiForm
        key={formKey}
        fieldNames={cohortFields}
        error={create.error}
        isPending={create.isPending}
        onValues={(values) => {
          create.mutate(
            { name: values.name ?? '', ...cycle.cycleOf(values) },
            {
              onSuccess: (cohort) => {
                toast(t('home.startCohort.started', { name: cohort.name }));
                setFormKey((key) => key + 1);
                cycle.reset();
              },
            },
          );
        }}
      >
        <TextField name="name" label={t('home.startCohort.name')} isRequired autoComplete="off" />
        <CycleFields state={cycle} idPrefix="cohort" />
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {t('home.startCohort.submit')}
          </Button>
        </div>
      </ApiForm>
    </section>
  );
}

const inviteFields = ['email'] as const;

function InviteToNetwork() {
  const t = useNetworksT();
  const { i18n } = useTranslation();
  const toast = useToast();
  const invite = useInviteToNetwork();
  const pending = usePendingInvitations(true);
  const [formKey, setFormKey] = useState(0);
  // Without SMTP the server answers the link once (as the district's invitations do): kept in memory only.
  const [shown, setShown] = useState<{ email: string; link: string } | null>(null);
  const copyText = useCopy();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <section className="section panel" aria-labelledby="network-invite">
      <h2 id="network-invite" className="section__title">
        {t('home.invite.title')}
      </h2>
      <p>{t('home.invite.intro')}</p>
      {shown ? (
        <Notice tone="info" title={t('home.invite.linkTitle', { email: shown.email })} role="status">
          <p>{t('home.invite.linkNote')}</p>
          <p className="invite-link">
            <span className="visually-hidden">{t('home.invite.linkLabel')}: </span>
            <code className="invite-link__url">{shown.link}</code>
          </p>
          <p className="muted">{t('home.invite.linkOnce')}</p>
          <Button
            variant="primary"
            onPress={() =>
              void copyText(shown.link, {
                copied: t('home.invite.copied'),
                failed: t('home.invite.copyFailed'),
              })
            }
          >
            {t('home.invite.copy')}
          </Button>
        </Notice>
      ) : null}
      <ApiForm
        key={formKey}
        fieldNames={inviteFields}
        error={invite.error}
        isPending={invite.isPending}
        onValues={(values) => {
          invite.mutate(values.email ?? '', {
            onSuccess: (invitation) => {
              setShown(invitation.link ? { email: invitation.email, link: invitation.link } : null);
              toast(
                t(invitation.link ? 'home.invite.created' : 'home.invite.sent', { email: invitation.email }),
              );
              setFormKey((key) => key + 1);
            },
          });
        }}
      >
        <TextField name="email" type="email" label={t('home.invite.email')} isRequired autoComplete="off" />
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={invite.isPending}>
            {t('home.invite.submit')}
          </Button>
        </div>
      </ApiForm>
      {pending.data && pending.data.length > 0 ? (
        <>
          <h3 className="network-subtitle">{t('home.invite.pending')}</h3>
          <ul className="plain-list" data-testid="network-invitations">
            {pending.data.map((invitation) => (
              <li key={invitation.id}>
                {t('home.invite.expires', {
                  email: invitation.email,
                  date: dateFormat.format(new Date(invitation.expiresAt)),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function LeaveNetwork({ name }: { name: string }) {
  const t = useNetworksT();
  const toast = useToast();
  const leaveSpace = useLeaveNetworkSpace();
  return (
    <section className="section network-leave" aria-labelledby="network-leave">
      <h2 id="network-leave" className="section__title">
        {t('home.leave.title')}
      </h2>
      <p>{t('home.leave.intro')}</p>
      <ConfirmDialog
        trigger={t('home.leave.button')}
        triggerVariant="secondary"
        title={t('home.leave.confirmTitle', { name })}
        body={<p>{t('home.leave.confirmBody')}</p>}
        confirmLabel={t('home.leave.button')}
        onConfirm={async () => {
          // NET-WEB-5: the last convener gets the server's 409, shown in the dialog.
          await call('leaveNetwork');
          toast(t('home.leave.left', { name }));
          leaveSpace('/networks');
        }}
      />
    </section>
  );
}
