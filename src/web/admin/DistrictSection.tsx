import { useTranslation } from 'react-i18next';
import { useDistrict } from '../api/queries';
import { formatDate } from '../teams/labels';
import { ErrorState, LoadingState } from '../ui/States';

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
        </dl>
      )}
    </section>
  );
}
