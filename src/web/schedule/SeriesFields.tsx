import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERIES_DATES_MAX, SERIES_INTERVAL_MAX } from '#contracts/schedule';
import { seriesDates } from '#core/schedule/dates';
import { Button } from '../ui/Button';
import { SelectField } from '../ui/SelectField';
import { NativeInputField } from '../ui/NativeInputField';
import { useScheduleT } from './i18n';
import { localDate, weekdayName } from './format';

export interface SeriesDraft {
  weekday: number;
  time: string;
  intervalWeeks: number;
  firstDate: string;
  lastDate: string;
  skipDates: string[];
}

/** The series' own field names, for the form's error mapping. */
export const seriesFieldNames = ['weekday', 'intervalWeeks', 'lastDate'];

/**
 * The weekly part of the schedule form: weekday, time, how often, first and last dates, holidays, and a preview
 * of the dates it will make, the skipped ones said in words (never by colour alone).
 */
export function SeriesFields({
  value,
  onChange,
  timeZone,
}: {
  value: SeriesDraft;
  onChange: (next: SeriesDraft) => void;
  timeZone: string | null;
}) {
  const t = useScheduleT();
  const { i18n } = useTranslation();
  const language = i18n.language;
  const set = (change: Partial<SeriesDraft>) => {
    onChange({ ...value, ...change });
  };

  return (
    <div className="stack series-fields">
      {timeZone ? <p className="muted">{t('series.zone', { zone: timeZone })}</p> : null}
      <div className="series-fields__row">
        <SelectField
          name="weekday"
          label={t('series.weekday')}
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ id: String(d), label: weekdayName(d, language) }))}
          value={String(value.weekday)}
          onChange={(next) => {
            set({ weekday: Number(next) });
          }}
        />
        <NativeInputField
          id="series-time"
          name="time"
          type="time"
          label={t('series.time')}
          value={value.time}
          onChange={(next) => {
            set({ time: next });
          }}
        />
        <SelectField
          name="intervalWeeks"
          label={t('series.every')}
          options={Array.from({ length: SERIES_INTERVAL_MAX }, (_, i) => ({
            id: String(i + 1),
            label: t('series.everyWeeks', { count: i + 1 }),
          }))}
          value={String(value.intervalWeeks)}
          onChange={(next) => {
            set({ intervalWeeks: Number(next) });
          }}
        />
      </div>
      <div className="series-fields__row">
        <NativeInputField
          id="series-first"
          name="firstDate"
          type="date"
          label={t('series.firstDate')}
          description={t('series.firstDateHint')}
          value={value.firstDate}
          onChange={(next) => {
            // Any date: the series starts on the first chosen weekday on or after it (the preview shows which).
            set({ firstDate: next });
          }}
        />
        <NativeInputField
          id="series-last"
          name="lastDate"
          type="date"
          label={t('series.lastDate')}
          description={t('series.lastDateHint')}
          value={value.lastDate}
          min={value.firstDate || undefined}
          onChange={(next) => {
            set({ lastDate: next });
          }}
        />
      </div>
      <SkipDatesField
        value={value.skipDates}
        min={value.firstDate}
        onChange={(skipDates) => {
          set({ skipDates });
        }}
      />
      <SeriesPreview value={value} />
    </div>
  );
}

/** Holidays: a date field with "Add skipped date", and the list of skipped dates, each with Remove. */
export function SkipDatesField({
  value,
  min,
  onChange,
}: {
  value: readonly string[];
  min: string;
  onChange: (next: string[]) => void;
}) {
  const t = useScheduleT();
  const { i18n } = useTranslation();
  const language = i18n.language;
  const [skip, setSkip] = useState('');
  const inputId = useId();
  return (
    <fieldset className="fieldset stack">
      <legend className="fieldset__legend">{t('series.skipsTitle')}</legend>
      <p className="field__hint">{t('series.skipsHint')}</p>
      <div className="inline-form">
        <NativeInputField
          id={inputId}
          type="date"
          label={t('series.skipDate')}
          value={skip}
          min={min || undefined}
          onChange={setSkip}
        />
        <Button
          variant="secondary"
          isDisabled={skip === '' || value.includes(skip)}
          onPress={() => {
            onChange([...value, skip].sort());
            setSkip('');
          }}
        >
          {t('series.addSkip')}
        </Button>
      </div>
      {value.length ? (
        <ul className="series-skips" aria-label={t('series.skipsTitle')}>
          {value.map((date) => (
            <li key={date} className="series-skips__item">
              <span>{localDate(date, language)}</span>
              <Button
                variant="quiet"
                aria-label={t('series.removeSkip', { date: localDate(date, language) })}
                onPress={() => {
                  onChange(value.filter((d) => d !== date));
                }}
              >
                {t('series.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('series.noSkips')}</p>
      )}
    </fieldset>
  );
}

export function SeriesPreview({ value }: { value: SeriesDraft }) {
  const t = useScheduleT();
  const { i18n } = useTranslation();
  const language = i18n.language;
  const ready = /^\d{4}-\d{2}-\d{2}$/.test(value.firstDate) && /^\d{4}-\d{2}-\d{2}$/.test(value.lastDate);
  const dates = ready ? seriesDates(value, SERIES_DATES_MAX) : [];
  const held = dates.filter((d) => !d.skipped);
  const titleId = useId();
  return (
    <section className="series-preview" aria-labelledby={titleId}>
      <h4 id={titleId} className="subsection__title">
        {t('series.previewTitle')}
      </h4>
      {!ready || dates.length === 0 ? (
        <p className="muted">{t('series.previewNone')}</p>
      ) : dates.length > SERIES_DATES_MAX ? (
        <p role="status">{t('series.previewTooMany', { max: SERIES_DATES_MAX })}</p>
      ) : (
        <>
          <p role="status">
            {t('series.previewCount', {
              count: held.length,
              first: localDate(held[0]?.date ?? dates[0]?.date ?? '', language),
              last: localDate(held.at(-1)?.date ?? dates.at(-1)?.date ?? '', language),
            })}
          </p>
          <ol className="series-preview__list" data-testid="series-preview">
            {dates.map((d) => (
              <li key={d.date} className={d.skipped ? 'series-preview__skipped' : undefined}>
                {d.skipped
                  ? t('series.skipped', { date: localDate(d.date, language) })
                  : localDate(d.date, language)}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
