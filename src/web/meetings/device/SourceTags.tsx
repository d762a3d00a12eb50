import { useState } from 'react';
import { EFFICACY_SOURCES, EfficacySource } from '#contracts/routine';
import { Button } from '../../ui/Button';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { TextField } from '../../ui/TextField';
import { useMeetingsT } from '../i18n';
import { announce } from '../../ui/announcer';
import { useLiveMeeting } from '../live/LiveMeetingContext';

/** The four sources of efficacy, each tag with a short "where we saw it"; only in the final discussion. */
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

  return (
    <section className="panel stack" aria-labelledby="tags-heading">
      <h2 id="tags-heading" className="section__title">
        {t('tags.title')}
      </h2>
      {prompt ? <p className="section__prompt">{prompt}</p> : null}
      <ul className="source-list" data-testid="source-tags">
        {EFFICACY_SOURCES.map((s) => {
          const tags = state.sourceTags.filter((tag) => tag.source === s);
          return (
            <li key={s} className="source">
              <h3 className="source__name">
                {t(`sources.${s}.name`)} <span className="section__count">({tags.length})</span>
              </h3>
              <p className="source__why">{t(`sources.${s}.why`)}</p>
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
      {can.tagSource ? (
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
            options={EFFICACY_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}.name`) }))}
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
      ) : null}
    </section>
  );
}
