import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { GroupDetail, JoinRequest } from '#contracts/org';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { queryKeys } from '../api/queries';
import { useSignedInUser } from '../shell/session';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import './i18n';

type Decision = 'accept' | 'decline' | 'withdraw';
const endpointFor = {
  accept: 'acceptJoinRequest',
  decline: 'declineJoinRequest',
  withdraw: 'withdrawJoinRequest',
} as const;

/**
 * Leaders who asked to join (TRUST-LEAD): every reader of the team sees them; its facilitators accept or
 * decline; the requester withdraws. A leader who is not a member can ask from here.
 */
export function JoinRequestsSection({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const toast = useToast();
  const describe = useDescribeError();

  const save = (updated: GroupDetail) => {
    queryClient.setQueryData(queryKeys.group(group.id), updated);
    void queryClient.invalidateQueries({ queryKey: queryKeys.groups, exact: true });
  };

  const decide = useMutation({
    mutationFn: ({ request, decision }: { request: JoinRequest; decision: Decision }) =>
      call(endpointFor[decision], { params: { groupId: group.id, requestId: request.id } }),
    onSuccess: (updated, { request, decision }) => {
      save(updated);
      toast(
        decision === 'accept'
          ? t('team.requests.accepted', { name: request.name })
          : decision === 'decline'
            ? t('team.requests.declined', { name: request.name })
            : t('team.requests.withdrawn'),
      );
    },
    onError: (error) => {
      toast(describe(error), 'error');
    },
  });

  const ask = useMutation({
    mutationFn: () =>
      call('addMember', { params: { groupId: group.id }, body: { userId: me.id, role: 'member' } }),
    onSuccess: (updated) => {
      save(updated);
      toast(t('team.requests.askSent'));
    },
    onError: (error) => {
      toast(describe(error), 'error');
    },
  });

  const mine = group.joinRequests.find((r) => r.userId === me.id);
  const canAsk = group.myRole === null && group.can.manageMembers && !mine;
  if (!group.joinRequests.length && !canAsk) return null;

  return (
    <section className="section" aria-labelledby="join-requests-heading">
      <h2 id="join-requests-heading" className="section__title">
        {t('team.requests.title')}
      </h2>
      {canAsk ? (
        <div className="stack">
          <p>{t('team.requests.askIntro')}</p>
          <div>
            <Button variant="secondary" isPending={ask.isPending} onPress={() => ask.mutate()}>
              {t('team.requests.ask')}
            </Button>
          </div>
        </div>
      ) : null}
      {group.joinRequests.length ? (
        <>
          <p className="muted">{t('team.requests.explain')}</p>
          <ul className="member-list">
            {group.joinRequests.map((request) => (
              <li key={request.id} className="member">
                <div className="member__who">
                  <span className="member__name">
                    {request.role === 'facilitator'
                      ? t('team.requests.askedAs', {
                          name: request.name,
                          role: t('groupRole.facilitator').toLowerCase(),
                        })
                      : t('team.requests.asked', { name: request.name })}
                  </span>
                </div>
                <div className="member__actions">
                  {group.can.decideJoinRequests && request.userId !== me.id ? (
                    <>
                      <Button
                        variant="primary"
                        aria-label={t('team.requests.acceptFor', { name: request.name })}
                        isDisabled={decide.isPending}
                        onPress={() => decide.mutate({ request, decision: 'accept' })}
                      >
                        {t('team.requests.accept')}
                      </Button>
                      <Button
                        variant="secondary"
                        aria-label={t('team.requests.declineFor', { name: request.name })}
                        isDisabled={decide.isPending}
                        onPress={() => decide.mutate({ request, decision: 'decline' })}
                      >
                        {t('team.requests.decline')}
                      </Button>
                    </>
                  ) : null}
                  {request.userId === me.id ? (
                    <Button
                      variant="secondary"
                      isDisabled={decide.isPending}
                      onPress={() => decide.mutate({ request, decision: 'withdraw' })}
                    >
                      {t('team.requests.withdraw')}
                    </Button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          {mine ? (
            <Notice tone="info" role="status">
              <p>{t('team.requests.pendingMine')}</p>
            </Notice>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
