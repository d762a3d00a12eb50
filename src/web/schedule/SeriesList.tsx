import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesSummary } from '#contracts/schedule';
import { call } from '../api/client';
import { useToast } from '../shell/Toaster';
import { ApiForm } from '../forms/ApiForm';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { NativeInputField } from '../ui/NativeInputField';
import { SeriesPreview, SkipDatesField } from './SeriesFields';
import { StatusBadge } from '../ui/StatusBadge';
import { meetingKeys } from '../meetings/queries';
import { formatDateTime } from '../meetings/format';
import { useScheduleT, type ScheduleT } from './i18n';
import { localDate, wallTime, weekdayName } from './format';
import { scheduleKeys, useSeries } from './queries';

/** "Every Tuesday at 3:30 PM" or "Every 2 weeks on Tuesday at 3:30 PM". */
export function describeRule(
  s: Pick<SeriesSummary, 'weekday' | 'time' | 'intervalWeeks'>,
  t: ScheduleT,
  language: string,
): string {
  const words = { weekday: weekdayName(s.weekday, language), time: wallTime(s.time, language) };
  return s.intervalWeeks === 1
    ? t('series.ruleWeekly', words)
    : t('series.ruleEvery', { ...words, count: s.intervalWeeks });
}

/** The team's weekly series, each said as its rule, with its end and next meeting; cancel for those who run it. */
export function SeriesList({ groupId }: { groupId: string }) {
  const t = useScheduleT();
  const { i18n } = useTranslation();
  const series = useSeries(groupId);
  const items = series.data?.items ?? [];
  if (!items.length) return null;
  return (
    <section aria-labelledby="series-heading" className="series-list">
      <h3 id="series-heading" className="subsection__title">
        {t('series.listTitle')}
      </h3>
      <ul className="row-list" data-testid="series-list">
        {items.map((s) => (
          <li key={s.id} className={s.cancelled ? 'row is-cancelled' : 'row'}>
            <div className="row__main">
              <span className="row__title">{s.title}</span>
              <span className="row__detail">{describeRule(s, t, i18n.language)}</span>
              <span className="row__detail">
                {t('series.until', { date: localDate(s.lastDate, i18n.language), zone: s.timeZone })}
              </span>
              {s.nextAt && !s.cancelled ? (
                <span className="row__detail">
                  {t('series.next', { when: formatDateTime(s.nextAt, i18n.language, s.timeZone) })}
                </span>
              ) : null}
              {s.cancelled ? (
                <span className="row__badges">
                  <StatusBadge tone="neutral">{t('series.cancelled')}</StatusBadge>
                </span>
              ) : null}
            </div>
            {s.canRun && !s.cancelled ? (
              <div className="row__actions">
                <EditSeries series={s} />
                <CancelSeries series={s} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CancelSeries({ series }: { series: SeriesSummary }) {
  const t = useScheduleT();
  const toast = useToast();
  const queryClient = useQueryClient();
  return (
    <ConfirmDialog
      trigger={t('series.cancel')}
      triggerLabel={t('series.cancelLabel', { title: series.title })}
      title={t('series.cancelTitle', { title: series.title })}
      body={<p>{t('series.cancelBody')}</p>}
      confirmLabel={t('series.cancelConfirm')}
      onConfirm={async () => {
        await call('cancelSeries', { params: { seriesId: series.id } });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: scheduleKeys.series(series.groupId) }),
          queryClient.invalidateQueries({ queryKey: meetingKeys.forGroup(series.groupId) }),
        ]);
        toast(t('series.cancelDone'));
      }}
    />
  );
}

/** In a meeting's row: the series it belongs to, said as its rule ("Every Tuesday at 3:30 PM"). */
export function SeriesRuleLabel({ groupId, seriesId }: { groupId: string; seriesId: string }) {
  const t = useScheduleT();
  const { i18n } = useTranslation();
  const series = useSeries(groupId).data?.items.find((s) => s.id === seriesId);
  return series ? <span className="row__detail">{describeRule(series, t, i18n.language)}</span> : null;
}

/** Change a series' holidays and last date (SERIES-EDIT-1), with the preview of the dates it will then have. */
function EditSeries({ series }: { series: SeriesSummary }) {
  const t = useScheduleT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [lastDate, setLastDate] = useState(series.lastDate);
  const [skipDates, setSkipDates] = useState<string[]>(series.skipDates);
  const save = useMutation({
    mutationFn: () =>
      call('updateSeries', { params: { seriesId: series.id }, body: { lastDate, skipDates } }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: scheduleKeys.series(series.groupId) }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.forGroup(series.groupId) }),
      ]);
      setOpen(false);
      toast(t('series.edited'));
    },
  });
  const close = () => {
    setOpen(false);
    save.reset();
  };
  return (
    <>
      <Button
        variant="quiet"
        aria-haspopup="dialog"
        aria-label={t('series.editLabel', { title: series.title })}
        onPress={() => {
          setLastDate(series.lastDate);
          setSkipDates(series.skipDates);
          setOpen(true);
        }}
      >
        {t('series.edit')}
      </Button>
      <Dialog
        isOpen={open}
        onClose={close}
        title={t('series.editTitle', { title: series.title })}
        isBusy={save.isPending}
        size="large"
      >
        <ApiForm
          fieldNames={['lastDate']}
          error={save.error}
          isPending={save.isPending}
          onValues={() => {
            save.mutate();
          }}
        >
          <p className="muted">{t('series.editHint')}</p>
          <NativeInputField
            id={`series-last-${series.id}`}
            name="lastDate"
            type="date"
            label={t('series.lastDate')}
            value={lastDate}
            min={series.firstDate}
            onChange={setLastDate}
          />
          <SkipDatesField value={skipDates} min={series.firstDate} onChange={setSkipDates} />
          <SeriesPreview value={{ ...series, lastDate, skipDates }} />
          <div className="dialog__actions">
            <Button variant="secondary" onPress={close} isDisabled={save.isPending}>
              {t('series.close')}
            </Button>
            <Button type="submit" variant="primary" isPending={save.isPending}>
              {t('series.editSave')}
            </Button>
          </div>
        </ApiForm>
      </Dialog>
    </>
  );
}
