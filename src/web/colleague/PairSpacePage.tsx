/**
 * A colleague pair's confidential space (MATCH-SPACE-4): the two of them only, and the page says so plainly.
 * Check-ins, a short conversation guide in Ensemble's words, shared notes and the reader's private notes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairNote, PairSpace } from '#contracts/colleague';
import { ApiForm } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { Button, ButtonLink } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { SelectField } from '../ui/SelectField';
import { ErrorState, LoadingState } from '../ui/States';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { formatDateTime } from '../teams/labels';
import { useColleagueT } from './i18n';
import { useAddNote, usePairSpace, useSetCheckIn } from './queries';
import './colleague.css';

export function PairSpacePage({ pairId }: { pairId: string }) {
  const t = useColleagueT();
  const space = usePairSpace(pairId);
  if (space.isPending)
    return (
      <Page title={t('space.documentTitle')} width="narrow">
        <LoadingState label={t('loading')} />
      </Page>
    );
  if (space.error)
    return (
      <Page title={t('space.documentTitle')} width="narrow">
        <ErrorState error={space.error} onRetry={() => void space.refetch()} />
      </Page>
    );
  return <Space space={space.data} />;
}

function Space({ space }: { space: PairSpace }) {
  const t = useColleagueT();
  return (
    <Page
      title={t('space.title', { name: space.other.name })}
      documentTitle={t('space.documentTitle')}
      width="narrow"
      intro={
        <Notice title={t('space.confidentialTitle')}>
          <p>{t('space.confidential')}</p>
          <p>
            <ButtonLink to="/colleague" variant="quiet">
              {t('space.back')}
            </ButtonLink>
          </p>
        </Notice>
      }
    >
      <CheckIns space={space} />
      <section className="section" aria-labelledby="pair-guide">
        <h2 id="pair-guide" className="section__title">
          {t('space.guide.heading')}
        </h2>
        <ol className="colleague-guide">
          <li>{t('space.guide.steps.one')}</li>
          <li>{t('space.guide.steps.two')}</li>
          <li>{t('space.guide.steps.three')}</li>
          <li>{t('space.guide.steps.four')}</li>
          <li>{t('space.guide.steps.five')}</li>
        </ol>
      </section>
      <Notes pairId={space.pairId} visibility="shared" notes={space.shared} />
      <Notes pairId={space.pairId} visibility="private" notes={space.private} />
    </Page>
  );
}

function CheckIns({ space }: { space: PairSpace }) {
  const t = useColleagueT();
  const toast = useToast();
  const save = useSetCheckIn(space.pairId);
  const [every, setEvery] = useState(
    space.checkIn.everyWeeks === null ? '' : String(space.checkIn.everyWeeks),
  );
  const weeks = [1, 2, 3, 4, 6, 8].map((n) => ({
    id: String(n),
    label: t('space.checkIn.weeks', { count: n }),
  }));
  return (
    <section className="section panel" aria-labelledby="pair-checkins">
      <h2 id="pair-checkins" className="section__title">
        {t('space.checkIn.heading')}
      </h2>
      <ApiForm
        fieldNames={['everyWeeks', 'nextOn']}
        error={save.error}
        isPending={save.isPending}
        onValues={(values) => {
          const next = (values.nextOn ?? '').trim();
          save.mutate(
            { everyWeeks: every === '' ? null : Number(every), nextOn: next === '' ? null : next },
            { onSuccess: () => toast(t('space.checkIn.saved')) },
          );
        }}
      >
        <div className="colleague-checkin">
          <SelectField
            name="everyWeeks"
            label={t('space.checkIn.every')}
            options={[{ id: '', label: t('space.checkIn.notSet') }, ...weeks]}
            value={every}
            onChange={setEvery}
          />
          <TextField
            name="nextOn"
            type="date"
            label={t('space.checkIn.next')}
            defaultValue={space.checkIn.nextOn ?? ''}
          />
          <Button type="submit" isPending={save.isPending}>
            {t('space.checkIn.save')}
          </Button>
        </div>
      </ApiForm>
    </section>
  );
}

function Notes({
  pairId,
  visibility,
  notes,
}: {
  pairId: string;
  visibility: 'shared' | 'private';
  notes: readonly PairNote[];
}) {
  const t = useColleagueT();
  const { i18n } = useTranslation();
  const toast = useToast();
  const add = useAddNote(pairId);
  const [draft, setDraft] = useState('');
  const headingId = `pair-notes-${visibility}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {t(`space.${visibility}.heading`)}
      </h2>
      {visibility === 'private' ? <p className="field__hint">{t('space.private.hint')}</p> : null}
      {notes.length === 0 ? (
        <p>{t(`space.${visibility}.empty`)}</p>
      ) : (
        <ul className="colleague-notes">
          {notes.map((n) => (
            <li key={n.id} className="colleague-note">
              <p className="colleague-note__meta">
                {t('space.noteMeta', {
                  author: n.authorName,
                  date: formatDateTime(n.createdAt, i18n.language),
                })}
              </p>
              <p className="colleague-note__body">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
      <ApiForm
        fieldNames={['body']}
        error={add.error}
        isPending={add.isPending}
        onValues={() =>
          add.mutate(
            { visibility, body: draft },
            {
              onSuccess: () => {
                setDraft('');
                toast(t('space.added'));
              },
            },
          )
        }
      >
        <TextAreaField
          name="body"
          label={t(`space.${visibility}.label`)}
          maxLength={5000}
          rows={3}
          value={draft}
          onChange={setDraft}
        />
        <Button type="submit" isPending={add.isPending}>
          {t(`space.${visibility}.add`)}
        </Button>
      </ApiForm>
    </section>
  );
}
