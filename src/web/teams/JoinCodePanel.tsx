import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupDetail } from '#contracts/org';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { queryKeys } from '../api/queries';
import { useToast } from '../shell/Toaster';
import { useCopy } from '../ui/useCopy';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { FormAlert } from '../ui/FormAlert';
import { SelectField } from '../ui/SelectField';
import { formatDateTime, formatJoinCode } from './labels';
import './i18n';

const lifetimes = ['24', '168', '720'] as const;

/** The team's join code: big and readable (it is often read off a projector), with create/replace/turn off. */
export function JoinCodePanel({ group }: { group: GroupDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const describe = useDescribeError();
  const [lifetime, setLifetime] = useState<string>('168');
  const [showing, setShowing] = useState(false);
  const closeShowing = () => {
    setShowing(false);
  };
  const joinUrl = `${window.location.origin}/join`;
  const code = group.joinCode;

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.group(group.id) });
  const create = useMutation({
    mutationFn: () =>
      call('createJoinCode', { params: { groupId: group.id }, body: { expiresInHours: Number(lifetime) } }),
    onSuccess: (joinCode) => {
      queryClient.setQueryData<GroupDetail>(queryKeys.group(group.id), (current) =>
        current ? { ...current, joinCode } : current,
      );
      void refresh();
      toast(t('team.joinCode.created'));
    },
  });

  const copyText = useCopy();
  const copyLink = async () => {
    if (!code) return;
    const link = `${joinUrl}/${code.code}`;
    await copyText(link, { copied: t('team.joinCode.copied'), failed: link });
  };

  return (
    <section className="section panel" aria-labelledby="join-code-heading">
      <h2 id="join-code-heading" className="section__title">
        {t('team.joinCode.title')}
      </h2>
      {code ? (
        <>
          <p>{t('team.joinCode.intro', { url: joinUrl })}</p>
          <p
            className="join-code"
            aria-label={`${t('team.joinCode.codeLabel')}: ${code.code.split('').join(' ')}`}
          >
            {formatJoinCode(code.code)}
          </p>
          <p className="muted">
            {t('team.joinCode.expires', { date: formatDateTime(code.expiresAt, i18n.language) })}
          </p>
          <div className="actions">
            <Button
              variant="secondary"
              aria-haspopup="dialog"
              onPress={() => {
                setShowing(true);
              }}
            >
              {t('team.joinCode.show')}
            </Button>
            <Dialog
              isOpen={showing}
              onClose={closeShowing}
              title={t('team.joinCode.showTitle', { group: group.name })}
              isDismissable
              size="large"
              className="dialog--center"
            >
              <p className="join-code-large__hint">{t('team.joinCode.showHint', { url: joinUrl })}</p>
              <p className="join-code join-code--large">{formatJoinCode(code.code)}</p>
              <div className="dialog__actions dialog__actions--center">
                <Button variant="primary" onPress={closeShowing}>
                  {t('common.close')}
                </Button>
              </div>
            </Dialog>
            <Button variant="secondary" onPress={() => void copyLink()}>
              {t('team.joinCode.copyLink')}
            </Button>
          </div>
        </>
      ) : (
        <p>{t('team.joinCode.none')}</p>
      )}

      {group.can.manageJoinCode ? (
        <div className="stack join-code__manage">
          {create.error ? <FormAlert messages={[describe(create.error)]} /> : null}
          <div className="inline-form">
            <SelectField
              label={t('team.joinCode.lifetime')}
              options={lifetimes.map((hours) => ({
                id: hours,
                label: t(
                  hours === '24'
                    ? 'team.joinCode.lifetimeDay'
                    : hours === '168'
                      ? 'team.joinCode.lifetimeWeek'
                      : 'team.joinCode.lifetimeMonth',
                ),
              }))}
              value={lifetime}
              onChange={setLifetime}
            />
            <Button
              variant={code ? 'secondary' : 'primary'}
              onPress={() => {
                create.mutate();
              }}
              isPending={create.isPending}
            >
              {code ? t('team.joinCode.rotate') : t('team.joinCode.create')}
            </Button>
          </div>
          {code ? (
            <div>
              <ConfirmDialog
                trigger={t('team.joinCode.revoke')}
                triggerVariant="quiet"
                title={t('team.joinCode.revokeTitle')}
                body={<p>{t('team.joinCode.revokeBody')}</p>}
                confirmLabel={t('team.joinCode.revokeConfirm')}
                onConfirm={async () => {
                  await call('revokeJoinCode', { params: { groupId: group.id } });
                  queryClient.setQueryData<GroupDetail>(queryKeys.group(group.id), (current) =>
                    current ? { ...current, joinCode: null } : current,
                  );
                  void refresh();
                  toast(t('team.joinCode.revoked'));
                }}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
