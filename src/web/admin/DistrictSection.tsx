import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownTimeZones } from '#contracts/time-zone';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';
import { useDistrict } from '../api/admin-queries';
import { ApiForm } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { SelectField } from '../ui/SelectField';
import { formatDate } from '../teams/labels';
import { ErrorState, LoadingState } from '../ui/States';

/** SERIES-TZ-1: the district admin sets the district's time zone (a native select of every zone the browser knows). */
function TimeZoneForm({ current }: { current: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [zone, setZone] = useState(current);
  const zones = useMemo(() => [...knownTimeZones()].sort().map((z) => ({ id: z, label: z })), []);
  const save = useMutation({
    mutationFn: () => call('updateDistrict', { body: { timeZone: zone } }),
    onSuccess: (district) => {
      queryClient.setQueryData(queryKeys.district, district);
      toast(t('admin.district.timeZoneSaved', { zone: district.timeZone }));
    },
  });
  return (
    <ApiForm
      fieldNames={['timeZone']}
      error={save.error}
      isPending={save.isPending}
      onValues={() => {
        save.mutate();
      }}
      className="inline-form"
    >
      <SelectField
        name="timeZone"
        label={t('admin.district.timeZone')}
        description={t('admin.district.timeZoneHint')}
        options={zones}
        value={zone}
        onChange={setZone}
      />
      <Button type="submit" variant="secondary" isPending={save.isPending} isDisabled={zone === current}>
        {t('admin.district.saveTimeZone')}
      </Button>
    </ApiForm>
  );
}

export function DistrictSection({ headingId }: { headingId: string }) {
  const { t, i18n } = useTranslation();
  const district = useDistrict();
  return (
    <section className="section panel" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} className="section__title">
        {t('admin.district.title')}
      </h2>
      {district.isPending ? (
        <LoadingState />
      ) : district.isError ? (
        <ErrorState error={district.error} onRetry={() => void district.refetch()} />
      ) : (
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('admin.district.name')}</dt>
            <dd className="facts__value">{district.data.name}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('admin.district.created')}</dt>
            <dd>{formatDate(district.data.createdAt, i18n.language)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('admin.district.timeZone')}</dt>
            <dd>{district.data.timeZone}</dd>
          </div>
        </dl>
      )}
      {district.data ? <TimeZoneForm current={district.data.timeZone} /> : null}
    </section>
  );
}
