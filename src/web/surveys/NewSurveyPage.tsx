/**
 * /surveys/new (MEASURE-WEB-3): start a wave: title, the questions (a survey instrument), who it is for (the
 * district, a school or some teams, from the same lists the admin pages read), open and close dates (today and
 * 14 days on), email invitations or one anonymous link, and the smallest group shown (at least 5: raised, never
 * lowered). The server's 400 `fields` show at their fields and the first takes the focus (ApiForm). A link wave's
 * link is shown here once, with a copy button. In a network (MEASURE-NET-WEB-2): the whole network or some of its
 * cohorts (a network has no schools, so none are asked for), and invited members find it in Ensemble (no email).
 */
import { useState } from 'react';
import type { CreatedWave, MIN_THRESHOLD, WaveScope } from '#contracts/surveys';
import { useGroups } from '../api/queries';
import { useSchools } from '../api/admin-queries';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useNavigate } from '../shell/navigation';
import { useCurrentNetwork } from '../shell/space';
import { useSignedInUser } from '../shell/session';
import { useToast } from '../shell/Toaster';
import { Button, ButtonLink } from '../ui/Button';
import { CheckboxGroupField } from '../ui/CheckboxGroupField';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { RadioGroupField } from '../ui/RadioGroupField';
import { SelectField } from '../ui/SelectField';
import { ErrorState, LoadingState } from '../ui/States';
import { TextField } from '../ui/TextField';
import { defaultWaveDates } from './format';
import { useSurveysT } from './i18n';
import { OnceLink } from './OnceLink';
import { useCreateWave, useInstruments } from './queries';
import './surveys.css';

const fieldNames = [
  'title',
  'instrument.slug',
  'scope',
  'scope.kind',
  'scope.schoolId',
  'scope.teamIds',
  'opensOn',
  'closesOn',
  'invite',
  'threshold',
] as const;

type ScopeKind = WaveScope['kind'];

/**
 * The least threshold (ADR 0028), checked against the contract's by its type: a value import of the contract
 * module here would split it out of the catalogue's surveys chunk into one more file for every page (DAY-PERF-1).
 */
const minThreshold: typeof MIN_THRESHOLD = 5;

export function NewSurveyPage() {
  const t = useSurveysT();
  const [created, setCreated] = useState<CreatedWave | null>(null);
  return (
    <Page title={t('create.title')} width="narrow" intro={<p>{t('create.intro')}</p>}>
      {created?.link ? (
        <div className="stack" data-testid="survey-created">
          <Notice tone="success" role="status" title={t('create.linkReady')}>
            <p>{created.wave.title}</p>
          </Notice>
          <OnceLink link={created.link} />
          <p>
            <ButtonLink to="/surveys" variant="primary">
              {t('create.done')}
            </ButtonLink>
          </p>
        </div>
      ) : (
        <NewSurveyForm onLinkWave={setCreated} />
      )}
    </Page>
  );
}

function NewSurveyForm({ onLinkWave }: { onLinkWave: (created: CreatedWave) => void }) {
  const t = useSurveysT();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const toast = useToast();
  const instruments = useInstruments();
  const inNetwork = useCurrentNetwork() !== null;
  // A network has no schools (its `listSchools` is a 404): its scopes are the whole network or its cohorts.
  const schools = useSchools({ enabled: !inNetwork });
  const groups = useGroups();
  const create = useCreateWave();
  // In a network, its conveners are its tenant's admins (ADR 0032).
  const isAdmin = me.districtRole === 'district_admin';
  const [scopeKind, setScopeKind] = useState<ScopeKind>(isAdmin || inNetwork ? 'district' : 'school');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [invite, setInvite] = useState<'email' | 'link'>('email');
  const [dates] = useState(defaultWaveDates);

  if (instruments.isPending || (!inNetwork && schools.isPending) || groups.isPending) return <LoadingState />;
  const failed = instruments.error ?? (inNetwork ? null : schools.error) ?? groups.error;
  if (failed)
    return (
      <ErrorState
        error={failed}
        onRetry={() => {
          void instruments.refetch();
          if (!inNetwork) void schools.refetch();
          void groups.refetch();
        }}
      />
    );

  const surveys = (instruments.data ?? []).filter((i) => i.kind === 'survey');
  // A school leader starts waves for the schools they lead (MEASURE-WAVE-1); an admin for any school.
  const led = new Set(me.schools.filter((s) => s.role === 'school_leader').map((s) => s.schoolId));
  const schoolOptions = (schools.data ?? [])
    .filter((s) => !s.archived && (isAdmin || led.has(s.id)))
    .map((s) => ({ id: s.id, label: s.name }));
  const teamOptions = (groups.data ?? [])
    .filter((g) => g.kind !== 'whole_staff' && (isAdmin || (g.schoolId !== null && led.has(g.schoolId))))
    .map((g) => ({ value: g.id, label: g.schoolName ? `${g.name} (${g.schoolName})` : g.name }));

  const submit = (values: FormValues) => {
    const scope: WaveScope =
      scopeKind === 'district'
        ? { kind: 'district' }
        : scopeKind === 'school'
          ? { kind: 'school', schoolId: values['scope.schoolId'] ?? '' }
          : { kind: 'teams', teamIds };
    const threshold = (values.threshold ?? '').trim();
    create.mutate(
      {
        title: values.title ?? '',
        instrument: { slug: values['instrument.slug'] ?? '' },
        scope,
        opensOn: values.opensOn ?? '',
        closesOn: values.closesOn ?? '',
        invite,
        threshold: threshold === '' ? minThreshold : Number(threshold),
      },
      {
        onSuccess: (made) => {
          if (made.link) {
            onLinkWave(made);
            return;
          }
          toast(t('create.started', { title: made.wave.title }));
          navigate('/surveys');
        },
      },
    );
  };

  const first = surveys[0];
  return (
    <ApiForm fieldNames={fieldNames} error={create.error} isPending={create.isPending} onValues={submit}>
      <TextField
        name="title"
        label={t('create.name')}
        description={t('create.nameHint')}
        isRequired
        autoComplete="off"
      />
      {first ? (
        <SelectField
          name="instrument.slug"
          label={t('create.instrument')}
          description={t('create.instrumentHint', { items: first.items })}
          defaultValue={first.slug}
          isRequired
          options={surveys.map((i) => ({ id: i.slug, label: i.title }))}
        />
      ) : (
        <Notice tone="error">
          <p>{t('create.noInstruments')}</p>
        </Notice>
      )}
      <RadioGroupField
        name="scope.kind"
        label={t('create.scope')}
        value={scopeKind}
        onChange={(value) =>
          setScopeKind(value === 'district' ? 'district' : value === 'school' ? 'school' : 'teams')
        }
        options={
          inNetwork
            ? [
                {
                  value: 'district',
                  label: t('create.network.scopeNetwork'),
                  description: t('create.network.scopeNetworkHint'),
                },
                {
                  value: 'teams',
                  label: t('create.network.scopeCohorts'),
                  description: t('create.network.scopeCohortsHint'),
                },
              ]
            : [
                ...(isAdmin
                  ? [
                      {
                        value: 'district',
                        label: t('create.scopeDistrict'),
                        description: t('create.scopeDistrictHint'),
                      },
                    ]
                  : []),
                { value: 'school', label: t('create.scopeSchool'), description: t('create.scopeSchoolHint') },
                { value: 'teams', label: t('create.scopeTeams'), description: t('create.scopeTeamsHint') },
              ]
        }
      />
      {scopeKind === 'school' ? (
        <SelectField
          name="scope.schoolId"
          label={t('create.school')}
          placeholder={t('create.schoolPlaceholder')}
          isRequired
          {...(schoolOptions.length === 1 && schoolOptions[0] ? { defaultValue: schoolOptions[0].id } : {})}
          options={schoolOptions}
        />
      ) : null}
      {scopeKind === 'teams' ? (
        teamOptions.length > 0 ? (
          <CheckboxGroupField
            name="scope.teamIds"
            label={t(inNetwork ? 'create.network.cohorts' : 'create.teams')}
            options={teamOptions}
            value={teamIds}
            onChange={setTeamIds}
            optionsClassName="survey-teams"
          />
        ) : (
          <Notice tone="info">
            <p>{t(inNetwork ? 'create.network.noCohorts' : 'create.noTeams')}</p>
          </Notice>
        )
      ) : null}
      <div className="survey-dates">
        <TextField
          name="opensOn"
          type="date"
          label={t('create.opensOn')}
          description={t(inNetwork ? 'create.network.opensOnHint' : 'create.opensOnHint')}
          inputClassName="field__input field__input--date"
          defaultValue={dates.opensOn}
          min={dates.opensOn}
          isRequired
        />
        <TextField
          name="closesOn"
          type="date"
          label={t('create.closesOn')}
          description={t('create.closesOnHint')}
          inputClassName="field__input field__input--date"
          defaultValue={dates.closesOn}
          isRequired
        />
      </div>
      <RadioGroupField
        name="invite"
        label={t('create.invite')}
        value={invite}
        onChange={(value) => setInvite(value === 'link' ? 'link' : 'email')}
        options={
          inNetwork
            ? [
                // MEASURE-NET-3: nobody in a network is mailed; the invited find it under Surveys.
                {
                  value: 'email',
                  label: t('create.network.inviteInApp'),
                  description: t('create.network.inviteInAppHint'),
                },
                // MEASURE-NET-6: a network's link offers its cohorts and its pool.
                {
                  value: 'link',
                  label: t('create.inviteLink'),
                  description: t('create.network.inviteLinkHint'),
                },
              ]
            : [
                { value: 'email', label: t('create.inviteEmail'), description: t('create.inviteEmailHint') },
                { value: 'link', label: t('create.inviteLink'), description: t('create.inviteLinkHint') },
              ]
        }
      />
      <TextField
        name="threshold"
        type="number"
        inputMode="numeric"
        min={minThreshold}
        step={1}
        label={t('create.threshold')}
        description={t('create.thresholdHint')}
        defaultValue={String(minThreshold)}
        inputClassName="field__input survey-threshold"
        isRequired
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={create.isPending}>
          {t('create.submit')}
        </Button>
        <ButtonLink to="/surveys" variant="quiet">
          {t('create.back')}
        </ButtonLink>
      </div>
    </ApiForm>
  );
}
