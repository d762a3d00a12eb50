import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { School } from '#contracts/org';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { queryKeys } from '../api/queries';
import { useSchools } from '../api/admin-queries';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { StatusBadge } from '../ui/StatusBadge';
import { ErrorState, LoadingState } from '../ui/States';
import { TextField } from '../ui/TextField';

const nameField = ['name'] as const;

export function SchoolsSection({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const schools = useSchools();
  const queryClient = useQueryClient();
  const toast = useToast();
  const describe = useDescribeError();
  const [addKey, setAddKey] = useState(0);

  const replaceSchool = (school: School) => {
    queryClient.setQueryData<School[]>(queryKeys.schools, (current) =>
      current?.map((s) => (s.id === school.id ? school : s)),
    );
    void queryClient.invalidateQueries({ queryKey: queryKeys.groups });
  };

  const add = useMutation({
    mutationFn: (values: FormValues) => call('createSchool', { body: { name: values.name ?? '' } }),
    onSuccess: (school) => {
      queryClient.setQueryData<School[]>(queryKeys.schools, (current) => [...(current ?? []), school]);
      void queryClient.invalidateQueries({ queryKey: queryKeys.schools });
      toast(t('admin.schools.added', { name: school.name }));
      setAddKey((key) => key + 1);
    },
  });

  const restore = useMutation({
    mutationFn: (school: School) =>
      call('updateSchool', { params: { schoolId: school.id }, body: { archived: false } }),
    onSuccess: (school) => {
      replaceSchool(school);
      toast(t('admin.schools.restoredToast', { name: school.name }));
    },
    onError: (error) => {
      toast(describe(error), 'error');
    },
  });

  return (
    <section className="section panel" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} className="section__title">
        {t('admin.schools.title')}
      </h2>
      {schools.isPending ? (
        <LoadingState />
      ) : schools.isError ? (
        <ErrorState error={schools.error} onRetry={() => void schools.refetch()} />
      ) : schools.data.length === 0 ? (
        <p>{t('admin.schools.empty')}</p>
      ) : (
        <ul className="row-list">
          {schools.data.map((school) => (
            <li key={school.id} className="row">
              <span className="row__main">
                <span className="row__title">{school.name}</span>
                {school.archived ? (
                  <StatusBadge tone="neutral">{t('admin.schools.archived')}</StatusBadge>
                ) : null}
              </span>
              <span className="row__actions">
                <RenameSchoolDialog school={school} onRenamed={replaceSchool} />
                {school.archived ? (
                  <Button
                    variant="quiet"
                    aria-label={t('admin.schools.unarchiveFor', { name: school.name })}
                    onPress={() => {
                      restore.mutate(school);
                    }}
                    isPending={restore.isPending && restore.variables.id === school.id}
                  >
                    {t('admin.schools.unarchive')}
                  </Button>
                ) : (
                  <ConfirmDialog
                    trigger={t('admin.schools.archive')}
                    triggerLabel={t('admin.schools.archiveFor', { name: school.name })}
                    title={t('admin.schools.archiveTitle', { name: school.name })}
                    body={<p>{t('admin.schools.archiveBody')}</p>}
                    confirmLabel={t('admin.schools.archive')}
                    onConfirm={async () => {
                      const updated = await call('updateSchool', {
                        params: { schoolId: school.id },
                        body: { archived: true },
                      });
                      replaceSchool(updated);
                      toast(t('admin.schools.archivedToast', { name: updated.name }));
                    }}
                  />
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="subsection__title">{t('admin.schools.add')}</h3>
      <ApiForm
        key={addKey}
        fieldNames={nameField}
        error={add.error}
        onValues={(values) => {
          add.mutate(values);
        }}
        className="inline-form"
      >
        <TextField name="name" label={t('admin.schools.name')} isRequired autoComplete="off" />
        <Button type="submit" variant="primary" isPending={add.isPending}>
          {t('admin.schools.submit')}
        </Button>
      </ApiForm>
    </section>
  );
}

function RenameSchoolDialog({ school, onRenamed }: { school: School; onRenamed: (school: School) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [isOpen, setOpen] = useState(false);
  const rename = useMutation({
    mutationFn: (values: FormValues) =>
      call('updateSchool', { params: { schoolId: school.id }, body: { name: values.name ?? '' } }),
    onSuccess: (updated) => {
      onRenamed(updated);
      toast(t('admin.schools.renamed', { name: updated.name }));
      setOpen(false);
    },
  });

  const close = () => {
    setOpen(false);
    rename.reset();
  };

  return (
    <>
      <Button
        variant="quiet"
        aria-haspopup="dialog"
        aria-label={t('admin.schools.renameFor', { name: school.name })}
        onPress={() => {
          setOpen(true);
        }}
      >
        {t('admin.schools.rename')}
      </Button>
      <Dialog
        isOpen={isOpen}
        onClose={close}
        title={t('admin.schools.renameTitle', { name: school.name })}
        isDismissable
      >
        <ApiForm
          fieldNames={nameField}
          error={rename.error}
          onValues={(values) => {
            rename.mutate(values);
          }}
        >
          <TextField
            name="name"
            label={t('admin.schools.newName')}
            defaultValue={school.name}
            isRequired
            autoFocus
            autoComplete="off"
          />
          <div className="dialog__actions">
            <Button variant="secondary" onPress={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="primary" isPending={rename.isPending}>
              {t('common.save')}
            </Button>
          </div>
        </ApiForm>
      </Dialog>
    </>
  );
}
