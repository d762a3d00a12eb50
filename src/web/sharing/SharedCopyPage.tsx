import { Link, useParams } from 'wouter';
import { draftFields } from '#core/sharing/index';
import { Page } from '../ui/Page';
import { ErrorState, LoadingState } from '../ui/States';
import { useSharingT, type SharingT } from './i18n';
import { useSharedCopy } from './queries';
import { HelpedToggle } from './HelpedToggle';
import { CopyMeta } from './SharedLibraryPage';
import { useSharingNetwork } from './space';
import './sharing.css';

/**
 * The public card page and the card's view ride in this page's chunk (DAY-PERF-1): its route then adds no chunk
 * name of its own to the first chunk, which the meeting page loads at its budget. See routes.ts.
 */
export { CardView, ShareCardPage } from './ShareCardPage';

function label(t: SharingT, field: string): string {
  switch (field) {
    case 'story':
    case 'evidence':
    case 'whatWorked':
    case 'insight':
    case 'tried':
    case 'resolution':
      return t(`review.fields.${field}`);
    case 'tags.grade':
    case 'tags.subject':
    case 'tags.strategy':
    case 'tags.studentGroup':
      return t(`review.fields.${field}`);
    default:
      return field;
  }
}

/** /shared/:shareId — one shared copy, exactly as its team reviewed it (SHARE-LIB-2). */
export function SharedCopyPage() {
  const t = useSharingT();
  const { shareId = '' } = useParams();
  const copy = useSharedCopy(shareId);
  const network = useSharingNetwork();
  const back = (
    <p>
      <Link to="/shared">{network ? t('library.network.back') : t('library.back')}</Link>
    </p>
  );
  if (copy.isPending) return <LoadingState />;
  if (copy.isError)
    return (
      <Page
        title={network ? t('library.network.pageTitle') : t('library.pageTitle')}
        intro={back}
        width="narrow"
      >
        <ErrorState error={copy.error} />
      </Page>
    );
  const c = copy.data.content;
  return (
    <Page title={c.title} intro={back} width="narrow">
      <article className="panel stack shared-copy">
        <CopyMeta copy={copy.data} t={t} />
        <dl className="shared-copy__fields">
          {draftFields(c)
            .filter(([field]) => field !== 'title')
            .map(([field, text]) => (
              <div key={field}>
                <dt>{label(t, field)}</dt>
                <dd>{text}</dd>
              </div>
            ))}
        </dl>
        <HelpedToggle copy={copy.data} />
      </article>
    </Page>
  );
}
