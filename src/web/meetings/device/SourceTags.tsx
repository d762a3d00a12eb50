import { useState } from 'react';
import { EFFICACY_SOURCES, EfficacySource } from '#contracts/routine';
import { Button } from '../../ui/Button';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { TextField } from '../../ui/TextField';
import { useMeetingsT } from '../i18n';
import { announce } from '../../ui/announcer';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import { FoldOnPhone } from './FoldOnPhone';

/**
 * The four sources of efficacy, each tag with a short "where we saw it"; only in the final discussion. Someone
 * who can tag reads what each source means in the choices of the form, so the list above it keeps to the
 * sources tagged so far (on a phone the step's work stays within two screens, DAY-DEVICE-4); someone who
 * cannot reads all four with their meaning.
 */
export function SourceTags({ prompt }: { prompt?: string | undefined }) {
  const t = useMeetingsT();
  const { state, meId, can, nameOf, send } = useLiveMeeting();
  const [source, setSource] = useState<EfficacySource>('mastery');
  const [why, setWhy] = useState('');

  const add = async () => {
    const reason = why.trim();
    if (reason === '') return;
    setWhy('');
    const result = await send({ type: 'tagSource', source, why: reason });
    if (result.ok) announce(t('tags.added'));
    else setWhy(reason);
  };

  const shown = can.tagSource
    ? EFFICACY_SOURCES.filter((s) => state.sourceTags.some((tag) => tag.source === s))
    : EFFICACY_SOURCES;

  return (
    <section className="panel stack" aria-labelledby="tags-heading">
      <h2 id="tags-heading" className="section__title">
        {t('tags.title')}
      </h2>
      {prompt ? <p className="section__prompt">{prompt}</p> : null}
      {shown.length === 0 ? null : (
        <ul className="source-list" data-testid="source-tags">
          {shown.map((s) => {
            const tags = state.sourceTags.filter((tag) => tag.source === s);
            return (
              <li key={s} className="source">
                <h3 className="source__name">
                  {t(`sources.${s}.name`)} <span className="section__count">({tags.length})</span>
                </h3>
                {can.tagSource ? null : <p className="source__why">{t(`sources.${s}.why`)}</p>}
                {tags.length > 0 ? (
                  <ul className="source__tags">
                    {tags.map((tag) => (
                      <li key={tag.id} className="source__tag">
                        <span>{tag.why}</span> <span className="muted">· {nameOf(tag.taggedBy)}</span>
                        {can.untagSource && (tag.taggedBy === meId || state.roles.facilitator === meId) ? (
                          <Button
                            variant="quiet"
                            aria-label={t('tags.removeLabel', { why: tag.why })}
                            onPress={() => void send({ type: 'untagSource', tagId: tag.id })}
                          >
                            {t('tags.remove')}
                          </Button>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {can.tagSource ? (
        <FoldOnPhone summary={t('tags.addForm')}>
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              void add();
            }}
          >
            <RadioGroupField
              label={t('tags.source')}
              value={source}
              onChange={(value) => {
                setSource(EfficacySource.parse(value));
              }}
              options={EFFICACY_SOURCES.map((s) => ({
                value: s,
                label: t(`sources.${s}.name`),
                description: t(`sources.${s}.why`),
              }))}
            />
            <TextField
              label={t('tags.why')}
              description={t('tags.whyHint')}
              value={why}
              onChange={setWhy}
              maxLength={280}
            />
            <div>
              <Button type="submit" variant="secondary" isDisabled={why.trim() === ''}>
                {t('tags.add')}
              </Button>
            </div>
          </form>
        </FoldOnPhone>
      ) : null}
    </section>
  );
}
