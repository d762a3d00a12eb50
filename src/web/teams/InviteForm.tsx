import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GroupRole, type GroupDetail } from '#contracts/org';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { useCopy } from '../ui/useCopy';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import './i18n';

const fieldNames = ['email', 'groupRole'] as const;

export function InviteForm({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  // A new key gives an empty form after each invitation, ready for the next colleague.
  const [formKey, setFormKey] = useState(0);
  // Without SMTP the server answers the link once (TRUST-LINK-1): kept in memory only, until the next invitation.
  const [shown, setShown] = useState<{ email: string; link: string } | null>(null);

  const invite = useMutation({
    mutationFn: (values: FormValues) =>
      call('createInvitation', {
        body: {
          email: values.email ?? '',
          groupId: group.id,
          groupRole: GroupRole.safeParse(values.groupRole).data ?? 'member',
        },
      }),
    onSuccess: (invitation) => {
      setShown(invitation.link ? { email: invitation.email, link: invitation.link } : null);
      toast(
        invitation.link
          ? t('team.invite.created', { email: invitation.email })
          : t('team.invite.sent', { email: invitation.email }),
      );
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
      {shown ? <InvitationLink email={shown.email} link={shown.link} /> : null}
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

/** The invitation link, shown once when this server sends no email, with a Copy button. */
function InvitationLink({ email, link }: { email: string; link: string }) {
  const { t } = useTranslation();
  const copyText = useCopy();
  const copy = () => copyText(link, { copied: t('team.invite.copied'), failed: t('team.invite.copyFailed') });
  return (
    <Notice tone="info" title={t('team.invite.linkTitle', { email })} role="status">
      <p>{t('team.invite.linkNote')}</p>
      <p className="invite-link">
        <span className="visually-hidden">{t('team.invite.linkLabel')}: </span>
        <code className="invite-link__url">{link}</code>
      </p>
      <p className="muted">{t('team.invite.linkOnce')}</p>
      <Button variant="primary" onPress={() => void copy()}>
        {t('team.invite.copyLink')}
      </Button>
    </Notice>
  );
}
