import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DistrictRole, SchoolRole, type Person, type School } from '#contracts/org';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { queryKeys } from '../api/queries';
import { usePeople, useSchools } from '../api/admin-queries';
import { useSignedInUser } from '../shell/session';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { RoleSelect } from '../ui/RoleSelect';
import { StatusBadge } from '../ui/StatusBadge';
import { ErrorState, LoadingState } from '../ui/States';
import { ResetLinkDialog } from './ResetLinkDialog';

export function PeopleSection({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const people = usePeople();
  const schools = useSchools();
  const queryClient = useQueryClient();
  const toast = useToast();
  const describe = useDescribeError();

  const replacePerson = (person: Person) => {
    queryClient.setQueryData<Person[]>(queryKeys.people, (current) =>
      current?.map((p) => (p.id === person.id ? person : p)),
    );
  };

  const changeDistrictRole = useMutation({
    mutationFn: ({ person, role }: { person: Person; role: DistrictRole }) =>
      call('updatePerson', { params: { userId: person.id }, body: { districtRole: role } }),
    onSuccess: (person) => {
      replacePerson(person);
      toast(
        t('admin.people.roleChanged', { name: person.name, role: t(`districtRole.${person.districtRole}`) }),
      );
    },
    onError: (error) => {
      toast(describe(error), 'error');
    },
  });
  const reactivate = useMutation({
    mutationFn: (person: Person) =>
      call('updatePerson', { params: { userId: person.id }, body: { active: true } }),
    onSuccess: (person) => {
      replacePerson(person);
      toast(t('admin.people.reactivatedToast', { name: person.name }));
    },
    onError: (error) => {
      toast(describe(error), 'error');
    },
  });

  const schoolName = (schoolId: string) =>
    schools.data?.find((school) => school.id === schoolId)?.name ?? '…';
  const roleOptions = DistrictRole.options.map((role) => ({ id: role, label: t(`districtRole.${role}`) }));

  return (
    <section className="section panel" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} className="section__title">
        {t('admin.people.title')}
      </h2>
      {people.isPending ? (
        <LoadingState />
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => void people.refetch()} />
      ) : people.data.length <= 1 ? (
        <p>{t('admin.people.empty')}</p>
      ) : null}
      {people.data && people.data.length > 0 ? (
        <ul className="row-list">
          {people.data.map((person) => {
            const isMe = person.id === me.id;
            return (
              <li key={person.id} className="row row--person">
                <span className="row__main">
                  <span className="row__title">
                    {person.name} {isMe ? <span className="muted">{t('admin.people.you')}</span> : null}
                  </span>
                  <span className="row__detail">{person.email}</span>
                  <span className="row__badges">
                    {person.emailVerified ? (
                      <StatusBadge tone="positive">{t('admin.people.verified')}</StatusBadge>
                    ) : (
                      <StatusBadge tone="attention">{t('admin.people.notVerified')}</StatusBadge>
                    )}
                    {person.active ? (
                      <StatusBadge tone="positive">{t('admin.people.active')}</StatusBadge>
                    ) : (
                      <StatusBadge tone="neutral">{t('admin.people.deactivated')}</StatusBadge>
                    )}
                  </span>
                  <span className="row__detail">
                    {t('admin.people.schoolRoles')}:{' '}
                    {person.schools.length === 0
                      ? t('admin.people.noSchoolRoles')
                      : person.schools
                          .map((s) => `${schoolName(s.schoolId)} (${t(`schoolRole.${s.role}`)})`)
                          .join(', ')}
                  </span>
                </span>
                <span className="row__actions">
                  {isMe ? (
                    // Your own role is not changed here, so an administrator cannot lock the district out by accident.
                    <StatusBadge tone="neutral">{t(`districtRole.${person.districtRole}`)}</StatusBadge>
                  ) : (
                    <RoleSelect
                      label={t('admin.people.districtRoleFor', { name: person.name })}
                      hideLabel
                      caption={t('admin.people.districtRole')}
                      compact
                      options={roleOptions}
                      value={person.districtRole}
                      onCommit={(role) =>
                        changeDistrictRole.mutateAsync({ person, role: DistrictRole.parse(role) })
                      }
                    />
                  )}
                  <SchoolRolesDialog person={person} schools={schools.data ?? []} onSaved={replacePerson} />
                  {person.active && !isMe ? <ResetLinkDialog person={person} /> : null}
                  {isMe ? null : person.active ? (
                    <ConfirmDialog
                      trigger={t('admin.people.deactivate')}
                      triggerLabel={t('admin.people.deactivateFor', { name: person.name })}
                      title={t('admin.people.deactivateTitle', { name: person.name })}
                      body={<p>{t('admin.people.deactivateBody', { name: person.name })}</p>}
                      confirmLabel={t('admin.people.deactivate')}
                      onConfirm={async () => {
                        const updated = await call('updatePerson', {
                          params: { userId: person.id },
                          body: { active: false },
                        });
                        replacePerson(updated);
                        toast(t('admin.people.deactivatedToast', { name: updated.name }));
                      }}
                    />
                  ) : (
                    <Button
                      variant="quiet"
                      aria-label={t('admin.people.reactivateFor', { name: person.name })}
                      onPress={() => {
                        reactivate.mutate(person);
                      }}
                      isPending={reactivate.isPending && reactivate.variables.id === person.id}
                    >
                      {t('admin.people.reactivate')}
                    </Button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

/** One select per school; a change is saved with its Save button (PUT …/people/:userId) and confirmed in a toast. */
function SchoolRolesDialog({
  person,
  schools,
  onSaved,
}: {
  person: Person;
  schools: readonly School[];
  onSaved: (person: Person) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const setRole = useMutation({
    mutationFn: ({ school, role }: { school: School; role: SchoolRole | null }) =>
      call('setSchoolRole', { params: { schoolId: school.id, userId: person.id }, body: { role } }),
    onSuccess: (updated, { school }) => {
      onSaved(updated);
      toast(t('admin.people.schoolRoleSaved', { name: updated.name, school: school.name }));
    },
    onError: (error) => {
      toast(describe(error), 'error');
    },
  });
  const [isOpen, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
  };
  const activeSchools = schools.filter((school) => !school.archived);
  const options = [
    { id: 'none', label: t('schoolRole.none') },
    ...SchoolRole.options.map((role) => ({ id: role, label: t(`schoolRole.${role}`) })),
  ];

  return (
    <>
      <Button
        variant="quiet"
        aria-haspopup="dialog"
        aria-label={t('admin.people.editSchoolsFor', { name: person.name })}
        onPress={() => {
          setOpen(true);
        }}
      >
        {t('admin.people.editSchools')}
      </Button>
      <Dialog
        isOpen={isOpen}
        onClose={close}
        title={t('admin.people.editSchoolsTitle', { name: person.name })}
        isDismissable
      >
        {activeSchools.length === 0 ? (
          <p>{t('admin.people.noSchools')}</p>
        ) : (
          <div className="stack">
            {activeSchools.map((school) => (
              <RoleSelect
                key={school.id}
                label={t('admin.people.schoolRoleFor', { school: school.name })}
                options={options}
                value={person.schools.find((s) => s.schoolId === school.id)?.role ?? 'none'}
                onCommit={(value) =>
                  setRole.mutateAsync({ school, role: value === 'none' ? null : SchoolRole.parse(value) })
                }
              />
            ))}
          </div>
        )}
        <div className="dialog__actions">
          <Button variant="primary" onPress={close}>
            {t('common.close')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
