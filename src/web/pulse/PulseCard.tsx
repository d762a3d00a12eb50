/**
 * MEASURE-PULSE-5: the meeting pulse on the minutes of an ended meeting, for those who may answer it while it is
 * open: the items as radio groups under the anonymity promise, then a thank-you that takes the focus and is said
 * politely; one line once answered; nothing once closed (or when the server says it is not theirs: 403, 404).
 */
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingPulse } from '#contracts/pulse';
import { ApiForm } from '../forms/ApiForm';
import { announce } from '../ui/announcer';
import { Button } from '../ui/Button';
import { dateTimeFormat } from '../ui/dates';
import { RadioGroupField } from '../ui/RadioGroupField';
import { usePulseT } from './i18n';
import { meetingPulseQuery, useMeetingPulse, useSubmitPulse } from './queries';
import { fieldName, pulseAnswers, pulseCardState } from './view';
import './pulse.css';

/**
 * Reads the pulse before the minutes show (they load this module and wait for this), so that the card is in place
 * from the first paint and nothing moves under the reader; false when there is no pulse to show.
 */
export async function preparePulseCard(queryClient: QueryClient, meetingId: string): Promise<boolean> {
  try {
    return (await queryClient.query(meetingPulseQuery(meetingId))).open;
  } catch {
    return false; // Not theirs to answer (403, 404), or not readable now: the minutes show without it.
  }
}

export function PulseCard({ meetingId }: { meetingId: string }) {
  const t = usePulseT();
  const headingId = useId();
  const pulse = useMeetingPulse(meetingId);
  const submit = useSubmitPulse(meetingId);
  const state = pulseCardState(pulse.data, submit.isSuccess);
  const data = submit.data ?? pulse.data;
  if (state === 'hidden' || !data) return null;
  if (state === 'answered')
    return (
      <p className="pulse-answered" data-testid="pulse-answered">
        {t('card.answered')}
      </p>
    );
  return (
    <section className="section panel pulse-card" aria-labelledby={headingId} data-testid="pulse-card">
      <h2 id={headingId} className="section__title">
        {t('card.title', { count: data.items.length })}
      </h2>
      {state === 'thanks' ? (
        <PulseThanks threshold={data.threshold} />
      ) : (
        <PulseForm pulse={data} submit={submit} />
      )}
    </section>
  );
}

function PulseForm({ pulse, submit }: { pulse: MeetingPulse; submit: ReturnType<typeof useSubmitPulse> }) {
  const t = usePulseT();
  const { i18n } = useTranslation();
  const options = pulse.scale.map((label, i) => ({ value: String(i + 1), label }));
  return (
    <>
      <p className="pulse-card__promise">{t('card.promise', { threshold: pulse.threshold })}</p>
      {pulse.closesAt ? (
        <p className="muted">
          {t('card.closes', {
            time: dateTimeFormat(i18n.language, {
              weekday: 'long',
              hour: 'numeric',
              minute: '2-digit',
            }).format(new Date(pulse.closesAt)),
          })}
        </p>
      ) : null}
      <ApiForm
        fieldNames={pulse.items.map((item) => fieldName(item.id))}
        error={submit.error}
        isPending={submit.isPending}
        onValues={(values) => {
          submit.mutate(
            { answers: pulseAnswers(pulse.items, values) },
            { onSuccess: () => announce(t('card.announce')) },
          );
        }}
      >
        {pulse.items.map((item) => (
          <RadioGroupField
            key={item.id}
            name={fieldName(item.id)}
            label={item.text}
            options={options}
            isRequired
          />
        ))}
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={submit.isPending}>
            {t('card.submit')}
          </Button>
        </div>
      </ApiForm>
    </>
  );
}

/** Takes the focus from the form that is gone (the polite region says the thanks: PulseForm). */
function PulseThanks({ threshold }: { threshold: number }) {
  const t = usePulseT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="pulse-card__thanks" data-testid="pulse-thanks">
      <p className="pulse-card__thanks-title">{t('card.thanksTitle')}</p>
      <p>{t('card.thanks', { threshold })}</p>
    </div>
  );
}
