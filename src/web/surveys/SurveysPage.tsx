/**
 * /surveys (MEASURE-WEB-3): the surveys waiting for me, for everyone; for those who run waves, their waves with
 * status in words, dates, and how many answered as a number and a share (never who), with Close now, Send a
 * reminder, New link and Results; for everyone else, the closed waves whose results they may read.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaveSummary } from '#contracts/surveys';
import { useCurrentNetwork } from '../shell/space';
import { useToast } from '../shell/Toaster';
import { Button, ButtonLink } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { FormAlert } from '../ui/FormAlert';
import { Page } from '../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../ui/States';
import { StatusBadge } from '../ui/StatusBadge';
import { useDescribeError } from '../api/describeError';
import { formatDay, formatPercent } from './format';
import { useSurveysT } from './i18n';
import { compareHref, defaultPair } from './compare-choice';
import { OnceLink } from './OnceLink';
import { useMySurveys, useWaveCommand, useWaves } from './queries';
import './surveys.css';

export function SurveysPage() {
  const t = useSurveysT();
  const inNetwork = useCurrentNetwork() !== null;
  return (
    <Page title={t('title')} intro={<p>{t(inNetwork ? 'introNetwork' : 'intro')}</p>}>
      <ForYou />
      <Waves />
    </Page>
  );
}

function ForYou() {
  const t = useSurveysT();
  const { i18n } = useTranslation();
  const mine = useMySurveys();
  return (
    <section className="section" aria-labelledby="surveys-for-you">
      <h2 id="surveys-for-you" className="section__title">
        {t('forYou.title')}
      </h2>
      {mine.isPending ? (
        <LoadingState label={t('loading')} />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.length === 0 ? (
        <p className="muted">{t('forYou.none')}</p>
      ) : (
        <ul className="row-list" data-testid="surveys-for-you">
          {mine.data.map((survey) => (
            <li key={survey.id} className="row">
              <div className="row__main">
                <span className="row__title">{survey.title}</span>
                <span className="row__detail">
                  {t('forYou.closes', { date: formatDay(survey.closesOn, i18n.language) })}
                </span>
              </div>
              <div className="row__actions">
                <ButtonLink
                  to={`/surveys/${survey.id}/answer`}
                  variant="primary"
                  aria-label={t('forYou.answerLabel', { title: survey.title })}
                >
                  {t('forYou.answer')}
                </ButtonLink>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Waves() {
  const t = useSurveysT();
  const waves = useWaves();
  if (waves.isPending) return <LoadingState label={t('loading')} />;
  if (waves.isError) return <ErrorState error={waves.error} onRetry={() => void waves.refetch()} />;
  const { items, canCreate } = waves.data;
  const run = items.filter((w) => w.abilities.manage);
  const readable = items.filter((w) => !w.abilities.manage && w.abilities.report);
  return (
    <>
      {canCreate || run.length > 0 ? (
        <section className="section" aria-labelledby="surveys-run">
          <h2 id="surveys-run" className="section__title">
            {t('waves.title')}
          </h2>
          <p>{t('waves.intro')}</p>
          {canCreate ? (
            <p>
              <ButtonLink to="/surveys/new" variant="primary">
                {t('waves.start')}
              </ButtonLink>
            </p>
          ) : null}
          {run.length === 0 ? (
            <EmptyState title={t('waves.none')} />
          ) : (
            <ul className="row-list" data-testid="surveys-run">
              {run.map((wave) => (
                <WaveRow key={wave.id} wave={wave} waves={items} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {readable.length > 0 ? (
        <section className="section" aria-labelledby="surveys-readable">
          <h2 id="surveys-readable" className="section__title">
            {t('waves.readable.title')}
          </h2>
          <ul className="row-list">
            {readable.map((wave) => (
              <WaveRow key={wave.id} wave={wave} waves={items} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

const statusTone = { scheduled: 'attention', open: 'positive', closed: 'neutral' } as const;

function WaveRow({ wave, waves }: { wave: WaveSummary; waves: readonly WaveSummary[] }) {
  const t = useSurveysT();
  const { i18n } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const command = useWaveCommand();
  const [link, setLink] = useState<string | null>(null);
  const day = (d: string) => formatDay(d, i18n.language);
  const manage = wave.abilities.manage;
  // MEASURE-NET-WEB-2: a network's wave is for the network or its cohorts, its members invited in Ensemble.
  const inNetwork = wave.space === 'network';
  // MEASURE-WEB-7: a closed wave with another of the same questions to compare with (the earlier by default).
  const pair = defaultPair(waves, wave.id);
  const responses =
    wave.responseRate === null
      ? t('waves.responsesNoRate', { count: wave.responses })
      : t('waves.responses', {
          count: wave.responses,
          invited: wave.invited,
          rate: formatPercent(wave.responseRate, i18n.language),
        });

  return (
    <li className="row survey-wave" data-testid="survey-wave" data-wave-id={wave.id}>
      <div className="row__main">
        <h3 className="row__title survey-wave__title">{wave.title}</h3>
        <div className="row__badges">
          <StatusBadge tone={statusTone[wave.status]}>{t(`waves.status.${wave.status}`)}</StatusBadge>
        </div>
        <span className="row__detail">
          {inNetwork && wave.scope.kind !== 'school'
            ? t(`waves.network.scope.${wave.scope.kind}`, { label: wave.scope.label })
            : t(`waves.scope.${wave.scope.kind}`, { label: wave.scope.label })}{' '}
          · {t('waves.dates', { from: day(wave.opensOn), to: day(wave.closesOn) })} ·{' '}
          {inNetwork && wave.invite === 'email'
            ? t('waves.network.inviteInApp')
            : t(`waves.invite.${wave.invite}`)}
        </span>
        <span className="survey-wave__count" data-testid="survey-wave-count">
          {responses} · {t('waves.neverWho')}
        </span>
        {manage ? (
          <span className="row__detail">
            {t('waves.threshold', { threshold: wave.threshold })}
            {wave.remindedAt ? ` · ${t('waves.reminded', { date: day(wave.remindedAt.slice(0, 10)) })}` : ''}
          </span>
        ) : null}
      </div>
      <div className="row__actions">
        {wave.abilities.report ? (
          <ButtonLink
            to={`/surveys/${wave.id}/results`}
            variant="primary"
            aria-label={t('waves.resultsLabel', { title: wave.title })}
          >
            {t('waves.results')}
          </ButtonLink>
        ) : null}
        {pair ? (
          <ButtonLink
            to={compareHref({ before: pair.before.id, after: pair.after.id }, 'district', 'all')}
            aria-label={t('waves.compareLabel', { title: wave.title })}
          >
            {t('waves.compare')}
          </ButtonLink>
        ) : null}
        {/* MEASURE-NET-3: nobody in a network is mailed, so there is nothing to remind by. */}
        {manage && wave.status === 'open' && wave.invite === 'email' && !inNetwork ? (
          <Button
            aria-label={t('waves.remind.buttonLabel', { title: wave.title })}
            isPending={command.isPending && command.variables.command === 'remind'}
            onPress={() =>
              command.mutate(
                { waveId: wave.id, command: 'remind' },
                { onSuccess: () => toast(t('waves.remind.done')) },
              )
            }
          >
            {t('waves.remind.button')}
          </Button>
        ) : null}
        {manage && wave.status !== 'closed' && wave.invite === 'link' ? (
          <ConfirmDialog
            trigger={t('waves.newLink.trigger')}
            triggerLabel={t('waves.newLink.triggerLabel', { title: wave.title })}
            triggerVariant="secondary"
            title={t('waves.newLink.title')}
            body={<p>{t('waves.newLink.body')}</p>}
            confirmLabel={t('waves.newLink.confirm')}
            confirmVariant="primary"
            onConfirm={async () => setLink(await command.mutateAsync({ waveId: wave.id, command: 'link' }))}
          />
        ) : null}
        {manage && wave.status !== 'closed' ? (
          <ConfirmDialog
            trigger={t('waves.close.trigger')}
            triggerLabel={t('waves.close.triggerLabel', { title: wave.title })}
            triggerVariant="secondary"
            title={t('waves.close.title')}
            body={<p>{t('waves.close.body')}</p>}
            confirmLabel={t('waves.close.confirm')}
            onConfirm={async () => {
              await command.mutateAsync({ waveId: wave.id, command: 'close' });
              toast(t('waves.close.done', { title: wave.title }));
            }}
          />
        ) : null}
      </div>
      {command.isError && command.variables.command === 'remind' ? (
        <div className="survey-wave__wide">
          <FormAlert messages={[describe(command.error)]} />
        </div>
      ) : null}
      {link ? (
        <div className="survey-wave__wide">
          <OnceLink link={link} />
        </div>
      ) : null}
    </li>
  );
}
