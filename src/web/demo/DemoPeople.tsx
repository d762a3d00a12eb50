/**
 * DAY-DEMO-1: on a demo server the sign-in page says so and introduces the demo people: who they are, their
 * teams, what to try as them, and a one-click "Sign in as". Renders nothing on any other server.
 */
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '#contracts/auth';
import type { DemoPerson } from '#contracts/demo';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { useDemoInfo } from './queries';
import './demo.css';
import './i18n';

/**
 * DAY-DEMO-1, DAY-PERF-4: the top of the sign-in page on a demo server: one line that says it is a demo and
 * leads to the people below the form. The demo answer is in before the page draws (`SetupGate`), so this
 * line is there from the first paint and moves nothing.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const info = useDemoInfo();
  if (!info.data?.demo) return null;
  return (
    <p className="demo-banner">
      <span className="demo-banner__label">{t('demo.banner')}</span>{' '}
      <a href="#demo-title">{t('demo.bannerLink')}</a>
    </p>
  );
}

export function DemoPeople({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t, i18n } = useTranslation();
  const info = useDemoInfo();
  const describe = useDescribeError();
  const signIn = useMutation({
    mutationFn: (userId: string) => call('demoSignIn', { body: { userId } }),
    onSuccess: onSignedIn,
  });
  if (!info.data?.demo) return null;
  const list = (names: string[]) =>
    new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' }).format(names);

  return (
    <section className="panel demo-panel" aria-labelledby="demo-title">
      <h2 id="demo-title" className="demo-panel__title">
        {t('demo.title')}
      </h2>
      <p>{t('demo.intro', { district: info.data.districtName ?? '' })}</p>
      {signIn.isError ? (
        <Notice tone="error" role="alert">
          {describe(signIn.error)}
        </Notice>
      ) : null}
      <ul className="demo-people" aria-label={t('demo.people')}>
        {info.data.people.map((person) => (
          <DemoPersonItem
            key={person.userId}
            person={person}
            list={list}
            isPending={signIn.isPending && signIn.variables === person.userId}
            isDisabled={signIn.isPending}
            onSignIn={() => {
              signIn.mutate(person.userId);
            }}
          />
        ))}
      </ul>
      {info.data.othersCount > 0 ? (
        <p className="muted">{t('demo.others', { count: info.data.othersCount })}</p>
      ) : null}
    </section>
  );
}

function DemoPersonItem({
  person,
  list,
  isPending,
  isDisabled,
  onSignIn,
}: {
  person: DemoPerson;
  list: (names: string[]) => string;
  isPending: boolean;
  isDisabled: boolean;
  onSignIn: () => void;
}) {
  const { t } = useTranslation();
  const role = t(`demo.role.${person.role}`);
  const leads = person.teams.filter((team) => team.role === 'facilitator').map((team) => team.name);
  const joins = person.teams.filter((team) => team.role === 'member').map((team) => team.name);
  return (
    <li className="demo-person">
      <p className="demo-person__name">{person.name}</p>
      <p className="demo-person__fact">
        {person.schoolName ? t('demo.roleAt', { role, school: person.schoolName }) : role}
      </p>
      {leads.length ? (
        <p className="demo-person__fact">{t('demo.facilitates', { teams: list(leads) })}</p>
      ) : null}
      {joins.length ? (
        <p className="demo-person__fact">{t('demo.memberOf', { teams: list(joins) })}</p>
      ) : null}
      <p className="demo-person__try">
        <span className="demo-person__try-label">{t('demo.tryLabel')}:</span> {t(`demo.try.${person.try}`)}
      </p>
      <Button variant="primary" onPress={onSignIn} isPending={isPending} isDisabled={isDisabled}>
        {t('demo.signInAs', { name: person.name })}
      </Button>
    </li>
  );
}
