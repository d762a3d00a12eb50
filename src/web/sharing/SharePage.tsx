import { lazy, Suspense, useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { SHARED_TEXT_MAX, SHARED_TITLE_MAX, type SharedDraft } from '#contracts/memory';
import type { ShareFlag, ShareReview, ShareScope } from '#contracts/sharing';
import { draftFields } from '#core/sharing/index';
import { useDescribeError } from '../api/describeError';
import { TextAreaField } from '../ui/TextAreaField';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ConsentBox } from './ConsentBox';
import { FlagList } from './FlagList';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { RadioGroupField } from '../ui/RadioGroupField';
import { ErrorState, LoadingState } from '../ui/States';
import { TextField } from '../ui/TextField';
import { dateTimeFormat } from '../ui/dates';
import { useSharingT, type SharingT } from './i18n';
import { useConsentShare, useDraftFlags, useProposeShare, useShareReview, useWithdrawShare } from './queries';
import { useSharingNetwork } from './space';
import './sharing.css';

/** SHARE-CARD-1: the author's share cards, loaded with a shared success only (not on the page's first load). */
const ShareCardPanel = lazy(() => import('./ShareCardPanel').then((m) => ({ default: m.ShareCardPanel })));

/** Typing pauses this long before the copy is checked again. */
const CHECK_AFTER_MS = 400;

/**
 * /teams/:groupId/memory/:recordId/share — the review before a record leaves the team (SHARE-REVIEW-1): the copy
 * exactly as others will read it, likely names and identifying details marked and listed, the scope, and the
 * author's explicit consent. Also where a proposal is agreed to and a shared copy withdrawn.
 */
export function SharePage() {
  const t = useSharingT();
  const { groupId = '', recordId = '' } = useParams();
  const review = useShareReview(groupId, recordId);
  const network = useSharingNetwork();
  const title = network ? t('review.networkPageTitle') : t('review.pageTitle');
  if (review.isPending) return <LoadingState />;
  if (review.isError)
    return (
      <Page title={title} width="narrow">
        <ErrorState error={review.error} onRetry={() => void review.refetch()} />
      </Page>
    );
  const r = review.data;
  return (
    <Page
      title={title}
      documentTitle={t('review.documentTitle', { title: r.draft?.title ?? '' })}
      width="narrow"
      intro={
        <p>
          <Link to={`/teams/${groupId}`}>{t('review.backToTeam', { team: r.teamName })}</Link>
        </p>
      }
    >
      {r.draft === null ? (
        <Notice tone="info">
          <p>{t('review.notShareable')}</p>
        </Notice>
      ) : (
        <Review key={`${r.share?.id ?? 'new'}-${r.share?.stage ?? ''}`} review={r} draft0={r.draft} />
      )}
    </Page>
  );
}

function Review({ review, draft0 }: { review: ShareReview; draft0: SharedDraft }) {
  const t = useSharingT();
  const describe = useDescribeError();
  const toast = useToast();
  const { groupId, recordId } = review;
  const [draft, setDraft] = useState<SharedDraft>(draft0);
  const [checked, setChecked] = useState<SharedDraft>(draft0);
  // SHARE-NET-WEB-1: in a network the only audience is the whole network (`district` there): no choice.
  const network = useSharingNetwork();
  const [scope, setScope] = useState<ShareScope>(
    network ? 'district' : (review.share?.scope ?? (review.schoolName ? 'school' : 'district')),
  );
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState<string | null>(null);
  const consentRef = useRef<HTMLInputElement>(null);
  const editable = review.can.propose;
  const consentLabel = network ? t('review.networkConsent') : t('review.consent');
  const authorConsents = review.isAuthor || review.author === null;

  useEffect(() => {
    if (draft === checked) return;
    const timer = setTimeout(() => setChecked(draft), CHECK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft, checked]);
  const check = useDraftFlags(groupId, recordId, editable && checked !== draft0 ? checked : null);
  const flags = editable && checked !== draft0 ? (check.data ?? review.flags) : review.flags;
  const checking = draft !== checked || check.isFetching;

  const propose = useProposeShare(groupId, recordId);
  const consentShare = useConsentShare(groupId, recordId);
  const withdraw = useWithdrawShare(groupId, recordId);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (authorConsents && !consent) {
      setConsentError(consentLabel);
      consentRef.current?.focus();
      return;
    }
    propose.mutate(
      { scope, draft, authorConsent: authorConsents && consent },
      {
        onSuccess: (next) =>
          toast(next.share?.stage === 'shared' ? t('review.sharedToast') : t('review.proposedToast')),
      },
    );
  };

  return (
    <div className="stack share-review">
      <p>{t('review.intro')}</p>
      {review.share ? <ShareStatus review={review} network={network} t={t} /> : null}
      {review.can.consentAsAuthor || review.can.consentAsTeam ? (
        <div className="share-actions">
          {review.can.consentAsAuthor ? (
            <Button
              variant="primary"
              isPending={consentShare.isPending}
              onPress={() =>
                consentShare.mutate('author', { onSuccess: () => toast(t('pending.agreedToast')) })
              }
            >
              {t('review.consentAsAuthor')}
            </Button>
          ) : null}
          {review.can.consentAsTeam ? (
            <Button
              variant="primary"
              isPending={consentShare.isPending}
              onPress={() =>
                consentShare.mutate('team', { onSuccess: () => toast(t('pending.agreedToast')) })
              }
            >
              {t('review.consentAsTeam')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {consentShare.error ? (
        <Notice tone="error" role="alert">
          <p>{describe(consentShare.error)}</p>
        </Notice>
      ) : null}

      <FlagList
        flags={flags}
        checking={editable && checking}
        inNetwork={network !== null}
        fieldLabel={(field) => fieldLabel(t, field)}
        t={t}
      />

      <section className="panel stack" aria-labelledby="share-preview-heading">
        <h2 id="share-preview-heading" className="section__title">
          {t('review.previewHeading')}
        </h2>
        <Preview draft={draft} flags={flags} team={review.teamName} school={review.schoolName} t={t} />
      </section>

      {editable ? (
        <form className="panel stack" onSubmit={submit} aria-labelledby="share-edit-heading" noValidate>
          <h2 id="share-edit-heading" className="section__title">
            {t('review.editHeading')}
          </h2>
          <DraftFields draft={draft} onChange={setDraft} t={t} />
          {network ? (
            <div className="stack share-audience">
              <h3 className="share-audience__heading">{t('review.networkAudienceHeading')}</h3>
              <p data-testid="share-audience">{t('review.networkAudience', { network: network.name })}</p>
            </div>
          ) : (
            <RadioGroupField
              label={t('review.scope')}
              name="scope"
              value={scope}
              onChange={(v) => setScope(v === 'school' ? 'school' : 'district')}
              options={[
                ...(review.schoolName
                  ? [{ value: 'school', label: t('review.scopeSchool', { school: review.schoolName }) }]
                  : []),
                { value: 'district', label: t('review.scopeDistrict') },
              ]}
            />
          )}
          {authorConsents ? (
            <ConsentBox
              name="authorConsent"
              checked={consent}
              error={consentError}
              inputRef={consentRef}
              onChange={(v) => {
                setConsent(v);
                if (v) setConsentError(null);
              }}
              label={consentLabel}
            />
          ) : (
            <Notice tone="info">
              <p>{t('review.authorWillBeAsked', { name: review.author?.name ?? '' })}</p>
            </Notice>
          )}
          {review.needsTeamConsent ? (
            <Notice tone="info">
              <p>{t('review.teamWillBeAsked')}</p>
            </Notice>
          ) : null}
          {propose.error ? (
            <Notice tone="error" role="alert">
              <p>{describe(propose.error)}</p>
            </Notice>
          ) : null}
          <div>
            <Button type="submit" variant="primary" isPending={propose.isPending}>
              {authorConsents && !review.needsTeamConsent ? t('review.submit') : t('review.propose')}
            </Button>
          </div>
        </form>
      ) : null}

      {/* SHARE-CARD-1: the author of a shared success turns it into public share cards. */}
      {review.share?.stage === 'shared' &&
      review.kind === 'success' &&
      (review.isAuthor || review.author === null) ? (
        <Suspense fallback={null}>
          <ShareCardPanel shareId={review.share.id} />
        </Suspense>
      ) : null}

      {review.can.withdraw ? (
        <div>
          <ConfirmDialog
            trigger={t('review.withdraw')}
            triggerVariant="danger"
            title={t('review.withdrawTitle')}
            body={<p>{t('review.withdrawBody')}</p>}
            confirmLabel={t('review.withdraw')}
            onConfirm={async () => {
              await withdraw.mutateAsync();
              toast(t('review.withdrawnToast'));
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

function ShareStatus({
  review,
  network,
  t,
}: {
  review: ShareReview;
  network: { name: string } | null;
  t: SharingT;
}) {
  const { i18n } = useTranslation();
  const share = review.share;
  if (!share) return null;
  const scope = network
    ? t('review.scopeShort.network', { network: network.name })
    : share.scope === 'school'
      ? t('review.scopeShort.school', { school: review.schoolName ?? '' })
      : t('review.scopeShort.district');
  const date = share.sharedAt
    ? dateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(Date.parse(share.sharedAt))
    : '';
  return (
    <Notice tone={share.stage === 'shared' ? 'success' : 'info'} role="status">
      <p data-testid="share-status">
        {share.stage === 'shared'
          ? t('review.status.shared', { scope, date })
          : share.stage === 'awaiting-author'
            ? t('review.status.awaiting-author', { author: review.author?.name ?? '' })
            : t('review.status.awaiting-team')}
      </p>
    </Notice>
  );
}

function fieldLabel(t: SharingT, field: string): string {
  switch (field) {
    case 'title':
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

/** A field's text with its flags marked: a highlight, an underline and hidden words for screen readers. */
function Marked({ text, flags, t }: { text: string; flags: ShareFlag[]; t: SharingT }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const f of flags) {
    // A flag from an older check that no longer matches the text is not drawn.
    if (f.start < at || text.slice(f.start, f.end) !== f.text) continue;
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={f.start} className="share-flag">
        {f.text}
        <span className="visually-hidden"> {t('review.flagMarker')}</span>
      </mark>,
    );
    at = f.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function Preview({
  draft,
  flags,
  team,
  school,
  t,
}: {
  draft: SharedDraft;
  flags: ShareFlag[];
  team: string;
  school: string | null;
  t: SharingT;
}) {
  const fields = draftFields(draft);
  const of = (field: string) => flags.filter((f) => f.field === field);
  return (
    <article className="shared-copy" data-testid="share-preview">
      <h3 className="shared-copy__title">
        <Marked text={draft.title} flags={of('title')} t={t} />
      </h3>
      <p className="muted">{school ? `${team}, ${school}` : team}</p>
      <dl className="shared-copy__fields">
        {fields
          .filter(([field]) => field !== 'title')
          .map(([field, text]) => (
            <div key={field}>
              <dt>{fieldLabel(t, field)}</dt>
              <dd>
                <Marked text={text} flags={of(field)} t={t} />
              </dd>
            </div>
          ))}
      </dl>
    </article>
  );
}

function DraftFields({
  draft,
  onChange,
  t,
}: {
  draft: SharedDraft;
  onChange: (d: SharedDraft) => void;
  t: SharingT;
}) {
  const tag = (key: keyof SharedDraft['tags'], value: string) =>
    onChange({ ...draft, tags: { ...draft.tags, [key]: value === '' ? null : value } });
  return (
    <>
      <TextField
        label={t('review.fields.title')}
        name="draft.title"
        value={draft.title}
        maxLength={SHARED_TITLE_MAX}
        onChange={(v) => onChange({ ...draft, title: v })}
      />
      {draft.kind === 'success' ? (
        <>
          <TextAreaField
            label={t('review.fields.story')}
            name="draft.story"
            value={draft.story}
            maxLength={SHARED_TEXT_MAX}
            rows={5}
            onChange={(v) => onChange({ ...draft, story: v })}
          />
          <TextAreaField
            label={t('review.fields.evidence')}
            name="draft.evidence"
            value={draft.evidence}
            maxLength={SHARED_TEXT_MAX}
            onChange={(v) => onChange({ ...draft, evidence: v })}
          />
          <TextAreaField
            label={t('review.fields.whatWorked')}
            name="draft.whatWorked"
            value={draft.whatWorked}
            maxLength={SHARED_TEXT_MAX}
            onChange={(v) => onChange({ ...draft, whatWorked: v })}
          />
          <TextAreaField
            label={t('review.fields.insight')}
            name="draft.insight"
            value={draft.insight}
            maxLength={SHARED_TEXT_MAX}
            onChange={(v) => onChange({ ...draft, insight: v })}
          />
        </>
      ) : (
        <>
          <TextAreaField
            label={t('review.fields.story')}
            name="draft.story"
            value={draft.story}
            maxLength={SHARED_TEXT_MAX}
            rows={5}
            onChange={(v) => onChange({ ...draft, story: v })}
          />
          <TextAreaField
            label={t('review.fields.tried')}
            name="draft.tried"
            value={draft.tried}
            maxLength={SHARED_TEXT_MAX}
            onChange={(v) => onChange({ ...draft, tried: v })}
          />
          <TextAreaField
            label={t('review.fields.resolution')}
            name="draft.resolution"
            value={draft.resolution}
            maxLength={SHARED_TEXT_MAX}
            onChange={(v) => onChange({ ...draft, resolution: v })}
          />
        </>
      )}
      <div className="share-review__tags">
        {(['grade', 'subject', 'strategy', 'studentGroup'] as const).map((key) => (
          <TextField
            key={key}
            label={t(`review.fields.tags.${key}`)}
            name={`draft.tags.${key}`}
            value={draft.tags[key] ?? ''}
            maxLength={80}
            onChange={(v) => tag(key, v)}
          />
        ))}
      </div>
    </>
  );
}
