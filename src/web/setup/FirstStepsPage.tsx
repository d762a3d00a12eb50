import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../shell/navigation';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { Button, ButtonLink } from '../ui/Button';
import { Page } from '../ui/Page';
import { TextField } from '../ui/TextField';
import './i18n';

const fieldNames = ['schoolName', 'teamName'] as const;

/**
 * /first-steps (DAY-FIRST-1): right after setup, the admin names the school and their first team, and one button
 * creates both with a Share Successes meeting opened now; they land in its lobby, where colleagues join by code.
 */
export function FirstStepsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: (values: FormValues) =>
      call('firstTeam', {
        body: { schoolName: values.schoolName ?? '', teamName: values.teamName ?? '' },
      }),
    onSuccess: ({ meetingId }) => {
      // The admin is now in a team: their roles changed.
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      void queryClient.invalidateQueries({ queryKey: queryKeys.groups });
      navigate(`/meetings/${meetingId}`);
    },
  });

  return (
    <Page title={t('firstSteps.title')} intro={<p>{t('firstSteps.intro')}</p>} width="narrow">
      <ApiForm
        fieldNames={fieldNames}
        error={start.error}
        onValues={(values) => {
          start.mutate(values);
        }}
        aria-label={t('firstSteps.title')}
      >
        <TextField
          name="schoolName"
          label={t('firstSteps.schoolName')}
          description={t('firstSteps.schoolHint')}
          isRequired
          autoComplete="off"
        />
        <TextField
          name="teamName"
          label={t('firstSteps.teamName')}
          description={t('firstSteps.teamHint')}
          isRequired
          autoComplete="off"
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={start.isPending}>
            {t('firstSteps.submit')}
          </Button>
          <ButtonLink to="/admin" variant="quiet">
            {t('firstSteps.skip')}
          </ButtonLink>
        </div>
      </ApiForm>
    </Page>
  );
}
