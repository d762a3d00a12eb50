import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { SharedCopy } from '#contracts/sharing';
import { Page } from '../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../ui/States';
import { dateTimeFormat } from '../ui/dates';
import { useSharingT, type SharingT } from './i18n';
import { useSharedLibrary } from './queries';
import './sharing.css';

/** /shared — what teams chose to share with the caller's schools and the district (SHARE-LIB-1). */
export function SharedLibraryPage() {
  const t = useSharingT();
  const library = useSharedLibrary();
  return (
    <Page title={t('library.pageTitle')} intro={<p>{t('library.intro')}</p>}>
      {library.isPending ? (
        <LoadingState />
      ) : library.isError ? (
        <ErrorState error={library.error} onRetry={() => void library.refetch()} />
      ) : library.data.length === 0 ? (
        <EmptyState title={t('library.empty')}>
          <p>{t('library.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ul className="shared-library" data-testid="shared-library">
          {library.data.map((copy) => (
            <li key={copy.id} className="panel stack shared-library__item">
              <h2 className="shared-library__title">
                <Link to={`/shared/${copy.id}`}>{copy.content.title}</Link>
              </h2>
              <CopyMeta copy={copy} t={t} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

export function CopyMeta({ copy, t }: { copy: SharedCopy; t: SharingT }) {
  const { i18n } = useTranslation();
  const c = copy.content;
  const date = dateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(Date.parse(copy.sharedAt));
  return (
    <p className="muted">
      {t(`library.kind.${c.kind}`)} ·{' '}
      {c.schoolName
        ? t('library.bySchool', { team: c.teamName, school: c.schoolName })
        : t('library.by', { team: c.teamName })}{' '}
      · {t(`library.scope.${copy.scope}`)} · {t('library.sharedOn', { date })}
    </p>
  );
}
