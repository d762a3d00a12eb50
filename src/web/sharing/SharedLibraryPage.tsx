import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { SharedCopy } from '#contracts/sharing';
import { Page } from '../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../ui/States';
import { dateTimeFormat } from '../ui/dates';
import { HelpedToggle } from './HelpedToggle';
import { useSharingT, type SharingT } from './i18n';
import { useSharedLibrary } from './queries';
import { useSharingNetwork } from './space';
import './sharing.css';

/**
 * /shared — what teams chose to share with the caller's schools and the district (SHARE-LIB-1); in a network, what
 * members shared with the network (SHARE-NET-WEB-1). Newest first as the server sends it, never by count.
 */
export function SharedLibraryPage() {
  const t = useSharingT();
  const library = useSharedLibrary();
  const network = useSharingNetwork();
  return (
    <Page
      title={network ? t('library.network.pageTitle') : t('library.pageTitle')}
      intro={<p>{network ? t('library.network.intro', { network: network.name }) : t('library.intro')}</p>}
    >
      {library.isPending ? (
        <LoadingState />
      ) : library.isError ? (
        <ErrorState error={library.error} onRetry={() => void library.refetch()} />
      ) : library.data.length === 0 ? (
        <EmptyState title={network ? t('library.network.empty') : t('library.empty')}>
          <p>{network ? t('library.network.emptyBody') : t('library.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ul className="shared-library" data-testid="shared-library">
          {library.data.map((copy) => (
            <li key={copy.id} className="panel stack shared-library__item">
              <h2 className="shared-library__title">
                <Link to={`/shared/${copy.id}`}>{copy.content.title}</Link>
              </h2>
              <CopyMeta copy={copy} t={t} />
              <HelpedToggle copy={copy} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

export function CopyMeta({ copy, t }: { copy: SharedCopy; t: SharingT }) {
  const { i18n } = useTranslation();
  const network = useSharingNetwork();
  const c = copy.content;
  const date = dateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(Date.parse(copy.sharedAt));
  return (
    <p className="muted">
      {t(`library.kind.${c.kind}`)} ·{' '}
      {c.schoolName
        ? t('library.bySchool', { team: c.teamName, school: c.schoolName })
        : t('library.by', { team: c.teamName })}{' '}
      · {network ? t('library.network.scope') : t(`library.scope.${copy.scope}`)} ·{' '}
      {t('library.sharedOn', { date })}
    </p>
  );
}
