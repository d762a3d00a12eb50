import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { GroupRole, type GroupDetail, type Member } from '#contracts/org';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { queryKeys } from '../api/queries';
import { useSignedInUser } from '../shell/session';
import { useToast } from '../shell/Toaster';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { RoleSelect } from '../ui/RoleSelect';
import { StatusBadge } from '../ui/StatusBadge';
import './i18n';

export function MembersSection({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const describe = useDescribeError();

  const saveGroup = (updated: GroupDetail) => {
    queryClient.setQueryData(queryKeys.group(group.id), updated);
    void queryClient.invalidateQueries({ queryKey: queryKeys.groups, exact: true });
  };

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: GroupRole }) =>
      call('updateMember', { params: { groupId: group.id, userId: member.userId }, body: { role } }),
    onSuccess: (updated, { member, role }) => {
      saveGroup(updated);
      toast(t('team.roleChanged', { name: member.name, role: t(`groupRole.${role}`).toLowerCase() }));
    },
    onError: (error) => {
      toast(describe(error), 'error');
    },
  });

  const roleOptions = [
    { id: 'member', label: t('groupRole.member') },
    { id: 'facilitator', label: t('groupRole.facilitator') },
  ];

  return (
    <section className="section" aria-labelledby="members-heading">
      <h2 id="members-heading" ref={headingRef} tabIndex={-1} className="section__title">
        {t('team.members')} <span className="section__count">({group.members.length})</span>
      </h2>
      <ul className="member-list">
        {group.members.map((member) => {
          const isMe = member.userId === me.id;
          return (
            <li key={member.userId} className="member">
              <div className="member__who">
                <span className="member__name">
                  {member.name} {isMe ? <span className="muted">{t('team.you')}</span> : null}
                </span>
                {/* Emails are only sent to those who run the team (GROUP-1). */}
                {member.email ? <span className="member__email">{member.email}</span> : null}
                {member.active ? null : <StatusBadge tone="neutral">{t('team.inactive')}</StatusBadge>}
              </div>
              <div className="member__role">
                {group.can.manageMembers ? (
                  <RoleSelect
                    label={t('team.roleFor', { name: member.name })}
                    hideLabel
                    caption={t('team.role')}
                    compact
                    options={roleOptions}
                    value={member.role}
                    onCommit={(role) => changeRole.mutateAsync({ member, role: GroupRole.parse(role) })}
                  />
                ) : (
                  <StatusBadge tone={member.role === 'facilitator' ? 'positive' : 'neutral'}>
                    {t(`groupRole.${member.role}`)}
                  </StatusBadge>
                )}
              </div>
              {group.can.manageMembers && !isMe ? (
                <div className="member__actions">
                  <ConfirmDialog
                    trigger={t('team.remove')}
                    triggerLabel={t('team.removeFor', { name: member.name })}
                    title={t('team.removeTitle', { name: member.name })}
                    body={<p>{t('team.removeBody', { name: member.name, group: group.name })}</p>}
                    confirmLabel={t('team.removeConfirm')}
                    onConfirm={async () => {
                      const updated = await call('removeMember', {
                        params: { groupId: group.id, userId: member.userId },
                      });
                      saveGroup(updated);
                      toast(t('team.removed', { name: member.name }));
                      // The row (and the button that opened the dialog) is gone: continue from the list heading.
                      window.setTimeout(() => headingRef.current?.focus(), 0);
                    }}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
