/**
 * A trusted colleague outside one's district (issue 14, MATCH-SPACE-*): the profile a principal asks with, the
 * suggested colleague and why (from the reader's side), and the agreed pair with a link to its private space.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AVAILABILITY_SLOTS,
  SCHOOL_LEVELS,
  SCHOOL_SETTINGS,
  SCHOOL_SIZE_BANDS,
  YEARS_IN_ROLE_BANDS,
  type ColleagueCard,
  type ColleagueProfile,
  type MyColleague,
} from '#contracts/colleague';
import { FOCUS_AREAS, FocusArea } from '#contracts/focus';
import { knownTimeZones } from '#contracts/time-zone';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useSignedInUser } from '../shell/session';
import { useToast } from '../shell/Toaster';
import { Button, ButtonLink } from '../ui/Button';
import { CheckboxGroupField } from '../ui/CheckboxGroupField';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { SelectField } from '../ui/SelectField';
import { ErrorState, LoadingState } from '../ui/States';
import { TextField } from '../ui/TextField';
import { formatDate } from '../teams/labels';
import { useColleagueT, type ColleagueT } from './i18n';
import { useMyColleague, useOptIn, useOptOut, usePairCommand } from './queries';
import { cardMeta, focusWords, reasonWords, slotWords } from './words';
import './colleague.css';
import '../i18n/focus-areas';

const fieldNames = [
  'shown.name',
  'shown.school',
  'shown.district',
  'profile.schoolLevel',
  'profile.schoolSize',
  'profile.setting',
  'profile.yearsInRole',
  'profile.focusAreas',
  'profile.wantsHelpWith',
  'profile.canOffer',
  'profile.availability',
  'profile.timeZone',
  'profile.region',
  'profile.avoidSameRegion',
];

export function ColleaguePage() {
  const t = useColleagueT();
  const mine = useMyColleague();
  return (
    <Page title={t('title')} width="narrow" intro={<p>{t('intro')}</p>}>
      {mine.isPending ? (
        <LoadingState label={t('loading')} />
      ) : mine.error ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <ColleagueState state={mine.data} />
      )}
    </Page>
  );
}

function ColleagueState({ state }: { state: MyColleague }) {
  const t = useColleagueT();
  if (!state.profile) {
    if (!state.canOptIn) return <Notice>{t('notForYou')}</Notice>;
    return (
      <>
        <Notice>{t('privacy')}</Notice>
        <ProfileForm state={state} />
      </>
    );
  }
  return (
    <>
      {state.pair ? (
        <PairSection state={state} />
      ) : state.proposal ? (
        <ProposalSection state={state} />
      ) : (
        <section className="section" aria-labelledby="colleague-waiting">
          <h2 id="colleague-waiting" className="section__title">
            {t('waiting.heading')}
          </h2>
          <p role="status">{t('waiting.body')}</p>
        </section>
      )}
      <details className="colleague-profile">
        <summary>{t('profile.edit')}</summary>
        <ProfileForm state={state} />
      </details>
      <StopLooking />
    </>
  );
}

function StopLooking() {
  const t = useColleagueT();
  const toast = useToast();
  const optOut = useOptOut();
  return (
    <p className="colleague-stop">
      <ConfirmDialog
        trigger={t('stop.button')}
        title={t('stop.title')}
        body={<p>{t('stop.body')}</p>}
        confirmLabel={t('stop.confirm')}
        onConfirm={async () => {
          await optOut.mutateAsync();
          toast(t('stop.done'));
        }}
      />
    </p>
  );
}

/** The reader's browser zone when it is one the server knows (else the first answer is theirs to pick). */
function browserZone(known: ReadonlySet<string>): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return known.has(zone) ? zone : 'America/New_York';
}

function ProfileForm({ state }: { state: MyColleague }) {
  const t = useColleagueT();
  const { t: appT } = useTranslation();
  const me = useSignedInUser();
  const toast = useToast();
  const optIn = useOptIn();
  const known = useMemo(() => knownTimeZones(), []);
  const zones = useMemo(() => [...known].sort().map((z) => ({ id: z, label: z })), [known]);
  const current = state.profile;
  const [focusAreas, setFocusAreas] = useState<string[]>(current?.focusAreas ?? []);
  const [wants, setWants] = useState<string[]>(current?.wantsHelpWith ?? []);
  const [offers, setOffers] = useState<string[]>(current?.canOffer ?? []);
  const [slots, setSlots] = useState<string[]>(current?.availability ?? []);
  const [avoidRegion, setAvoidRegion] = useState(current?.avoidSameRegion ?? false);
  const focusOptions = FOCUS_AREAS.map((a) => ({ value: a, label: appT(`focusArea.${a}`) }));
  const options = <K extends string>(values: readonly K[], word: (k: K) => string) =>
    values.map((v) => ({ id: v, label: word(v) }));
  const areas = (list: string[]) => list.flatMap((a) => (FocusArea.safeParse(a).success ? [a] : []));

  // What they work on, want help with and can offer: three choices of the same focus areas (each field's name is
  // also its label's key).
  const focusLists = [
    ['profile.focusAreas', focusAreas, setFocusAreas],
    ['profile.wantsHelpWith', wants, setWants],
    ['profile.canOffer', offers, setOffers],
  ] as const;

  const submit = (values: FormValues) => {
    const profile = {
      schoolLevel: values['profile.schoolLevel'] ?? '',
      schoolSize: values['profile.schoolSize'] ?? '',
      setting: values['profile.setting'] ?? '',
      yearsInRole: values['profile.yearsInRole'] ?? '',
      focusAreas: areas(focusAreas),
      wantsHelpWith: areas(wants),
      canOffer: areas(offers),
      availability: slots,
      timeZone: values['profile.timeZone'] ?? '',
      region: values['profile.region'] ?? '',
      avoidSameRegion: avoidRegion,
    };
    optIn.mutate(
      {
        // The contract checks every field before anything is sent (ApiForm shows its messages at the fields).
        profile: profile as ColleagueProfile,
        shown: {
          name: values['shown.name'] ?? '',
          school: values['shown.school'] ?? '',
          district: values['shown.district'] ?? '',
        },
      },
      { onSuccess: () => toast(t('profile.saved')) },
    );
  };

  return (
    <ApiForm fieldNames={fieldNames} error={optIn.error} isPending={optIn.isPending} onValues={submit}>
      <h2 className="section__title">{current ? t('profile.editHeading') : t('profile.heading')}</h2>
      <TextField
        name="shown.name"
        label={t('profile.shownName')}
        defaultValue={state.shown?.name ?? me.name}
        isRequired
      />
      <TextField
        name="shown.school"
        label={t('profile.shownSchool')}
        defaultValue={
          state.shown?.school ?? me.schools.find((s) => s.role === 'school_leader')?.schoolName ?? ''
        }
      />
      <TextField
        name="shown.district"
        label={t('profile.shownDistrict')}
        defaultValue={state.shown?.district ?? ''}
      />
      <SelectField
        name="profile.schoolLevel"
        label={t('profile.schoolLevel')}
        options={options(SCHOOL_LEVELS, (v) => t(`schoolLevel.${v}`))}
        defaultValue={current?.schoolLevel ?? 'elementary'}
      />
      <SelectField
        name="profile.schoolSize"
        label={t('profile.schoolSize')}
        options={options(SCHOOL_SIZE_BANDS, (v) => t(`schoolSize.${v}`))}
        defaultValue={current?.schoolSize ?? '300-599'}
      />
      <SelectField
        name="profile.setting"
        label={t('profile.setting')}
        options={options(SCHOOL_SETTINGS, (v) => t(`setting.${v}`))}
        defaultValue={current?.setting ?? 'suburban'}
      />
      <SelectField
        name="profile.yearsInRole"
        label={t('profile.yearsInRole')}
        options={options(YEARS_IN_ROLE_BANDS, (v) => t(`yearsInRole.${v}`))}
        defaultValue={current?.yearsInRole ?? '0-2'}
      />
      {focusLists.map(([name, value, onChange]) => (
        <CheckboxGroupField
          key={name}
          name={name}
          label={t(name)}
          options={focusOptions}
          value={value}
          onChange={onChange}
          optionsClassName="colleague-choices"
        />
      ))}
      <CheckboxGroupField
        name="profile.availability"
        label={t('profile.availability')}
        options={AVAILABILITY_SLOTS.map((s) => ({ value: s, label: slotWords(t, s) }))}
        value={slots}
        onChange={setSlots}
        optionsClassName="colleague-choices colleague-choices--slots"
      />
      <SelectField
        name="profile.timeZone"
        label={t('profile.timeZone')}
        options={zones}
        defaultValue={current?.timeZone ?? browserZone(known)}
      />
      <TextField
        name="profile.region"
        label={t('profile.region')}
        description={t('profile.regionHint')}
        defaultValue={current?.region ?? ''}
        isRequired
      />
      <CheckboxGroupField
        name="profile.avoidSameRegion"
        label={t('profile.avoidLegend')}
        options={[{ value: 'yes', label: t('profile.avoidSameRegion') }]}
        value={avoidRegion ? ['yes'] : []}
        onChange={(v) => setAvoidRegion(v.includes('yes'))}
      />
      <Button type="submit" variant="primary" isPending={optIn.isPending}>
        {current ? t('profile.saveChanges') : t('profile.save')}
      </Button>
    </ApiForm>
  );
}

function Card({ card, t }: { card: ColleagueCard; t: ColleagueT }) {
  const { t: appT } = useTranslation();
  return (
    <div className="colleague-card">
      <p className="colleague-card__name">{card.name}</p>
      <p className="colleague-card__where">{[card.school, card.district].filter(Boolean).join(' · ')}</p>
      <p>{cardMeta(t, card)}</p>
      <dl className="colleague-card__facts">
        <dt>{t('card.offers')}</dt>
        <dd>{focusWords(appT, card.canOffer)}</dd>
        <dt>{t('card.wants')}</dt>
        <dd>{focusWords(appT, card.wantsHelpWith)}</dd>
      </dl>
      <p className="colleague-card__zone">{t('card.timeZone', { zone: card.timeZone })}</p>
    </div>
  );
}

function Why({
  state,
  name,
}: {
  state: NonNullable<MyColleague['proposal']> | NonNullable<MyColleague['pair']>;
  name: string;
}) {
  const t = useColleagueT();
  const { t: appT } = useTranslation();
  return (
    <>
      <h3 className="colleague-why__title">{t('proposal.why', { name })}</h3>
      <ul className="colleague-why">
        {state.why.reasons.map((r) => (
          <li key={r.code}>{reasonWords(t, appT, r)}</li>
        ))}
      </ul>
      <p className="colleague-why__fit">{t('proposal.fit', { fit: state.why.fit })}</p>
    </>
  );
}

function ProposalSection({ state }: { state: MyColleague }) {
  const t = useColleagueT();
  const toast = useToast();
  const accept = usePairCommand('acceptColleague');
  const decline = usePairCommand('declineColleague');
  const proposal = state.proposal;
  if (!proposal) return null;
  const name = proposal.other.name;
  return (
    <section className="section panel" aria-labelledby="colleague-proposal">
      <h2 id="colleague-proposal" className="section__title">
        {t('proposal.heading')}
      </h2>
      <Card card={proposal.other} t={t} />
      <Why state={proposal} name={name} />
      {proposal.youAccepted ? (
        <p role="status">{t('proposal.accepted', { name })}</p>
      ) : (
        <div className="actions">
          <Button
            variant="primary"
            isPending={accept.isPending}
            onPress={() => accept.mutate(proposal.pairId)}
          >
            {t('proposal.accept')}
          </Button>
          <ConfirmDialog
            trigger={t('proposal.decline')}
            triggerVariant="secondary"
            title={t('proposal.declineTitle')}
            body={<p>{t('proposal.declineBody', { name })}</p>}
            confirmLabel={t('proposal.decline')}
            confirmVariant="primary"
            onConfirm={async () => {
              await decline.mutateAsync(proposal.pairId);
              toast(t('proposal.declined'));
            }}
          />
        </div>
      )}
    </section>
  );
}

function PairSection({ state }: { state: MyColleague }) {
  const t = useColleagueT();
  const { i18n } = useTranslation();
  const toast = useToast();
  const end = usePairCommand('endColleaguePair');
  const pair = state.pair;
  if (!pair) return null;
  return (
    <section className="section panel" aria-labelledby="colleague-pair">
      <h2 id="colleague-pair" className="section__title">
        {t('pair.heading')}
      </h2>
      <Card card={pair.other} t={t} />
      <p>{t('pair.since', { date: formatDate(pair.since, i18n.language) })}</p>
      <p>
        <ButtonLink to={`/colleague/${pair.pairId}`} variant="primary">
          {t('pair.open')}
        </ButtonLink>
      </p>
      <Why state={pair} name={pair.other.name} />
      <ConfirmDialog
        trigger={t('pair.end')}
        title={t('pair.endTitle')}
        body={<p>{t('pair.endBody')}</p>}
        confirmLabel={t('pair.endConfirm')}
        onConfirm={async () => {
          await end.mutateAsync(pair.pairId);
          toast(t('pair.ended'));
        }}
      />
    </section>
  );
}
