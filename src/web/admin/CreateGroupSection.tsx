import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../shell/navigation';
import { GroupKind, TeamFocus, type DistrictGroupKind } from '#contracts/org';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';
import { useSchools } from '../api/admin-queries';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { RadioGroupField } from '../ui/RadioGroupField';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import '../i18n/group-kinds';

const fieldNames = ['name', 'kind', 'focus', 'schoolId'] as const;

/** Create a teacher team, whole-staff group or district leadership team, then open it to add people. */
export function CreateGroupSection({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const schools = useSchools();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const [kind, setKind] = useState<DistrictGroupKind>('teacher_team');

  const activeSchools = (schools.data ?? []).filter((school) => !school.archived);
  const needsSchool = kind !== 'district_leadership';

  const create = useMutation({
    mutationFn: (values: FormValues) =>
      call('createGroup', {
        body: {
          name: values.name ?? '',
          kind,
          focus: kind === 'teacher_team' ? (TeamFocus.safeParse(values.focus).data ?? 'other') : null,
          // An unchosen select submits "", which is "no school" here; the contract then explains what is missing.
          schoolId: needsSchool && values.schoolId ? values.schoolId : null,
        },
      }),
    onSuccess: (group) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.groups });
      queryClient.setQueryData(queryKeys.group(group.id), group);
      toast(t('admin.groups.created', { name: group.name }));
      navigate(`/teams/${group.id}`);
    },
  });

  return (
    <section className="section panel" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} className="section__title">
        {t('admin.groups.title')}
      </h2>
      <p>{t('admin.groups.intro')}</p>
      <ApiForm
        fieldNames={fieldNames}
        error={create.error}
        onValues={(values) => {
          create.mutate(values);
        }}
      >
        <TextField
          name="name"
          label={t('admin.groups.name')}
          description={t('admin.groups.nameHint')}
          isRequired
          autoComplete="off"
        />
        <RadioGroupField
          name="kind"
          label={t('admin.groups.kind')}
          value={kind}
          onChange={(value) => {
            const chosen = GroupKind.parse(value);
            if (chosen !== 'cohort') setKind(chosen);
          }}
          options={[
            {
              value: 'teacher_team',
              label: t('groupKind.teacher_team'),
              description: t('admin.groups.kindTeacherTeam'),
            },
            {
              value: 'whole_staff',
              label: t('groupKind.whole_staff'),
              description: t('admin.groups.kindWholeStaff'),
            },
            {
              value: 'district_leadership',
              label: t('groupKind.district_leadership'),
              description: t('admin.groups.kindDistrictLeadership'),
            },
          ]}
        />
        {kind === 'teacher_team' ? (
          <SelectField
            name="focus"
            label={t('admin.groups.focus')}
            defaultValue="plc"
            options={TeamFocus.options.map((focus) => ({ id: focus, label: t(`teamFocus.${focus}`) }))}
          />
        ) : null}
        {needsSchool ? (
          activeSchools.length > 0 ? (
            <SelectField
              name="schoolId"
              label={t('admin.groups.school')}
              placeholder={t('admin.groups.schoolPlaceholder')}
              isRequired
              {...(activeSchools.length === 1 && activeSchools[0]
                ? { defaultValue: activeSchools[0].id }
                : {})}
              options={activeSchools.map((school) => ({ id: school.id, label: school.name }))}
            />
          ) : (
            <Notice tone="info">
              <p>{t('admin.groups.noSchools')}</p>
            </Notice>
          )
        ) : null}
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {t('admin.groups.submit')}
          </Button>
        </div>
      </ApiForm>
    </section>
  );
}
