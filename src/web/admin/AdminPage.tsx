import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../shell/session';
import { ButtonLink } from '../ui/Button';
import { Page } from '../ui/Page';
import { ApiTokensSection } from './ApiTokensSection';
import { CreateGroupSection } from './CreateGroupSection';
import { DistrictDataSection } from './DistrictDataSection';
import { DistrictSection } from './DistrictSection';
import { InvitationsSection } from './InvitationsSection';
import { PeopleSection } from './PeopleSection';
import { SchoolsSection } from './SchoolsSection';
import { SsoAdminSection } from '../sso/SsoAdminSection';
import './i18n';

const sections = [
  { id: 'admin-district', labelKey: 'admin.district.title' },
  { id: 'admin-schools', labelKey: 'admin.schools.title' },
  { id: 'admin-groups', labelKey: 'admin.groups.title' },
  { id: 'admin-people', labelKey: 'admin.people.title' },
  { id: 'admin-invitations', labelKey: 'admin.invitations.title' },
  { id: 'admin-sso', labelKey: 'sso.admin.title' },
  { id: 'admin-api-tokens', labelKey: 'admin.apiTokens.title' },
  { id: 'admin-roster', labelKey: 'admin.roster.sectionTitle' },
  { id: 'admin-audit', labelKey: 'admin.audit.title' },
  { id: 'admin-data', labelKey: 'admin.data.title' },
] as const;

/** District administration on one page, in the order a new district is set up. */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();

  return (
    <Page title={t('admin.title')} intro={<p>{t('admin.intro', { district: me.districtName })}</p>}>
      <nav aria-label={t('admin.onThisPage')} className="on-this-page">
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <a
                href={`#${section.id}`}
                onClick={(event) => {
                  // Move focus with the scroll, so keyboard users continue from the section they chose.
                  event.preventDefault();
                  const heading = document.getElementById(section.id);
                  heading?.focus();
                  heading?.scrollIntoView({ block: 'start' });
                }}
              >
                {t(section.labelKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-layout">
        <DistrictSection headingId="admin-district" />
        <SchoolsSection headingId="admin-schools" />
        <CreateGroupSection headingId="admin-groups" />
        <PeopleSection headingId="admin-people" />
        <InvitationsSection headingId="admin-invitations" />
        <SsoAdminSection headingId="admin-sso" />
        <ApiTokensSection headingId="admin-api-tokens" />
        <section className="section panel" aria-labelledby="admin-roster">
          <h2 id="admin-roster" tabIndex={-1} className="section__title">
            {t('admin.roster.sectionTitle')}
          </h2>
          <p>{t('admin.roster.linkIntro')}</p>
          <ButtonLink to="/admin/roster">{t('admin.roster.open')}</ButtonLink>
        </section>
        <section className="section panel" aria-labelledby="admin-audit">
          <h2 id="admin-audit" tabIndex={-1} className="section__title">
            {t('admin.audit.title')}
          </h2>
          <p>{t('admin.audit.linkIntro')}</p>
          <ButtonLink to="/admin/audit">{t('admin.audit.open')}</ButtonLink>
        </section>
        <DistrictDataSection headingId="admin-data" />
      </div>
    </Page>
  );
}
