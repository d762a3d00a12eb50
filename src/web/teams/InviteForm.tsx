import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GroupRole, type GroupDetail } from '#contracts/org';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';

const fieldNames = ['email', 'groupRole'] as const;

export function InviteForm({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  // A new key gives an empty form after each invitation, ready for the next colleague.
  const [formKey, setFormKey] = useState(0);

  const invite = useMutation({
    mutationFn: (values: FormValues) =>
      call('createInvitation', {
        body: {
          email: values.email ?? '',
          groupId: group.id,
          groupRole: GroupRole.catch('member').parse(values.groupRole),
        },
      }),
    onSuccess: (invitation) => {
      toast(t('team.invite.sent', { email: invitation.email }));
      setFormKey((key) => key + 1);
      void queryClient.invalidateQueries({ queryKey: queryKeys.invitations });
    },
  });

  return (
    <section className="section panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="section__title">
        {t('team.invite.title')}
      </h2>
      <p>{t('team.invite.intro')}</p>
      <ApiForm
        key={formKey}
        fieldNames={fieldNames}
        error={invite.error}
        onValues={(values) => {
          invite.mutate(values);
        }}
      >
        <TextField name="email" type="email" label={t('team.invite.email')} isRequired autoComplete="off" />
        <SelectField
          name="groupRole"
          label={t('team.invite.role')}
          defaultValue="member"
          options={[
            { id: 'member', label: t('groupRole.member') },
            { id: 'facilitator', label: t('groupRole.facilitator') },
          ]}
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={invite.isPending}>
            {t('team.invite.submit')}
          </Button>
        </div>
      </ApiForm>
    </section>
  );
}
