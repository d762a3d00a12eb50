/**
 * /network-invitations/:token (NET-WEB-4), signed in (a signed-out visitor signs in first and comes back): what the
 * invitation is for and whether it is for this account; accepting shows the name, school and district the person
 * chooses, then opens the network in this tab.
 */
import { useParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import { ApiForm } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { useNavigate } from '../shell/navigation';
import { useSignedInUser } from '../shell/session';
import { Button, ButtonLink } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { LoadingState } from '../ui/States';
import { useNetworksT } from './i18n';
import { useAcceptNetworkInvitation, useNetworkInvitation } from './queries';
import { ShownFields, shownFieldNames, shownOf } from './ShownFields';
import './networks.css';

export function NetworkInvitationPage() {
  const t = useNetworksT();
  const { t: tc } = useTranslation();
  const { token = '' } = useParams();
  const me = useSignedInUser();
  const toast = useToast();
  const navigate = useNavigate();
  const preview = useNetworkInvitation(token);
  const accept = useAcceptNetworkInvitation(token);

  if (preview.isPending)
    return (
      <Page title={t('invitation.title')} width="narrow">
        <LoadingState label={t('loading')} />
      </Page>
    );
  if (preview.isError)
    return (
      <Page title={t('invitation.title')} width="narrow">
        <Notice tone="info" role="alert">
          <p>{t('invitation.invalid')}</p>
        </Notice>
        <p className="page__aside">
          <ButtonLink to="/networks">{t('list.title')}</ButtonLink>
        </p>
      </Page>
    );

  const { networkName, description, forYou, alreadyMember } = preview.data;
  return (
    <Page
      title={t('invitation.titleFor', { name: networkName })}
      intro={description ? <p>{description}</p> : undefined}
      width="narrow"
    >
      <Notice tone="info">
        <p>{t('list.privacy')}</p>
      </Notice>
      {alreadyMember ? (
        <p>{t('invitation.already')}</p>
      ) : !forYou ? (
        <Notice tone="info" role="status">
          <p>{t('invitation.notForYou', { email: me.email })}</p>
        </Notice>
      ) : (
        <section className="section" aria-labelledby="network-accept">
          <h2 id="network-accept" className="section__title">
            {t('invitation.accept')}
          </h2>
          <p>{t('invitation.intro')}</p>
          <ApiForm
            fieldNames={shownFieldNames}
            error={accept.error}
            isPending={accept.isPending}
            onValues={(values) => {
              accept.mutate(shownOf(values), {
                onSuccess: (network) => {
                  toast(t('invitation.accepted', { name: network.name }));
                  // NET-WEB-1: into the network, in this tab.
                  navigate(`/n/${network.id}`, { replace: true });
                },
              });
            }}
          >
            <ShownFields />
            <div className="form__actions">
              <Button type="submit" variant="primary" isPending={accept.isPending}>
                {t('invitation.accept')}
              </Button>
            </div>
          </ApiForm>
        </section>
      )}
      <p className="page__aside">
        <ButtonLink to="/networks">{alreadyMember ? t('list.mine') : tc('common.cancel')}</ButtonLink>
      </p>
    </Page>
  );
}
