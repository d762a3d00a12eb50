import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rightsApi } from '#contracts/api-rights';
import { pathFor } from '#contracts/endpoint';
import type { RetentionSettings } from '#contracts/rights';
import { call } from '../api/client';
import { ApiForm, type FormValues } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { formatDate } from '../teams/labels';
import { Button } from '../ui/Button';
import { FormAlert } from '../ui/FormAlert';
import { SelectField } from '../ui/SelectField';
import { ErrorState, LoadingState } from '../ui/States';

const retentionKey = ['district', 'retention'] as const;
const YEARS = [1, 2, 3, 5, 7, 10] as const;
const fields = ['meetingContentYears', 'auditLogYears', 'surveyResponseYears'] as const;

/** Bytes as a person reads them (kB and MB, one decimal). */
function size(bytes: number, language: string): string {
  const format = (n: number) => n.toLocaleString(language, { maximumFractionDigits: 1 });
  if (bytes < 1_000_000) return `${format(bytes / 1_000)} kB`;
  return `${format(bytes / 1_000_000)} MB`;
}

type ExportState = { phase: 'idle' } | { phase: 'running' | 'done'; bytes: number } | { phase: 'failed' };

/**
 * RIGHTS-WEB-2: the district's export, read as it streams so the page shows how much has arrived, then saved as one
 * file (RIGHTS-DISTRICT-1).
 */
function DistrictExport() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const run = async () => {
    setState({ phase: 'running', bytes: 0 });
    try {
      const res = await fetch(pathFor(rightsApi.districtDataExport.path), { credentials: 'same-origin' });
      if (!res.ok || !res.body) throw new Error(`HTTP ${String(res.status)}`);
      const reader = res.body.getReader();
      const chunks: BlobPart[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        setState({ phase: 'running', bytes });
      }
      const name =
        /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'district-data.zip';
      const url = URL.createObjectURL(new Blob(chunks, { type: 'application/zip' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 60_000);
      setState({ phase: 'done', bytes });
    } catch {
      setState({ phase: 'failed' });
    }
  };
  return (
    <div className="stack">
      <h3 className="subsection__title">{t('admin.data.exportTitle')}</h3>
      <p>{t('admin.data.exportIntro')}</p>
      <p>{t('admin.data.exportLeavesOut')}</p>
      <div>
        <Button
          onPress={() => {
            void run();
          }}
          isPending={state.phase === 'running'}
        >
          {t('admin.data.exportButton')}
        </Button>
      </div>
      {state.phase === 'running' ? <progress aria-label={t('admin.data.progressLabel')} /> : null}
      <p role="status">
        {state.phase === 'running'
          ? t('admin.data.exporting', { size: size(state.bytes, i18n.language) })
          : state.phase === 'done'
            ? t('admin.data.exported', { size: size(state.bytes, i18n.language) })
            : null}
      </p>
      {state.phase === 'failed' ? <FormAlert messages={[t('admin.data.exportFailed')]} /> : null}
    </div>
  );
}

/** RIGHTS-WEB-2, RIGHTS-RETAIN-1: how long the district keeps meeting content, audit entries and survey answers. */
function RetentionForm({ settings, lastRunAt }: { settings: RetentionSettings; lastRunAt: string | null }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const options = [
    { id: 'keep', label: t('admin.data.keep') },
    ...YEARS.map((n) => ({ id: String(n), label: t('admin.data.years', { count: n }) })),
  ];
  const asYears = (value: string | undefined) => (value && value !== 'keep' ? Number(value) : null);
  const save = useMutation({
    mutationFn: (values: FormValues) =>
      call('updateRetentionSettings', {
        body: {
          meetingContentYears: asYears(values.meetingContentYears),
          auditLogYears: asYears(values.auditLogYears),
          surveyResponseYears: asYears(values.surveyResponseYears),
        },
      }),
    onSuccess: (view) => {
      queryClient.setQueryData(retentionKey, view);
      toast(t('admin.data.saved'));
    },
  });
  const current = (n: number | null) => (n === null ? 'keep' : String(n));
  return (
    <div className="stack">
      <h3 className="subsection__title">{t('admin.data.retentionTitle')}</h3>
      <p>{t('admin.data.retentionIntro')}</p>
      <ApiForm
        fieldNames={fields}
        error={save.error}
        isPending={save.isPending}
        onValues={(values) => {
          save.mutate(values);
        }}
      >
        <SelectField
          name="meetingContentYears"
          label={t('admin.data.meetingContent')}
          description={t('admin.data.meetingContentHint')}
          options={options}
          defaultValue={current(settings.meetingContentYears)}
        />
        <SelectField
          name="auditLogYears"
          label={t('admin.data.auditLog')}
          options={options}
          defaultValue={current(settings.auditLogYears)}
        />
        <SelectField
          name="surveyResponseYears"
          label={t('admin.data.surveyResponses')}
          description={t('admin.data.surveyResponsesHint')}
          options={options}
          defaultValue={current(settings.surveyResponseYears)}
        />
        <p className="muted">
          {lastRunAt
            ? t('admin.data.lastRun', { date: formatDate(lastRunAt, i18n.language) })
            : t('admin.data.neverRun')}
        </p>
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={save.isPending}>
            {t('admin.data.save')}
          </Button>
        </div>
      </ApiForm>
    </div>
  );
}

export function DistrictDataSection({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const retention = useQuery({
    queryKey: retentionKey,
    queryFn: ({ signal }) => call('retentionSettings', { signal }),
  });
  return (
    <section className="section panel" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} className="section__title">
        {t('admin.data.title')}
      </h2>
      <DistrictExport />
      {retention.isPending ? (
        <LoadingState />
      ) : retention.isError ? (
        <ErrorState error={retention.error} onRetry={() => void retention.refetch()} />
      ) : (
        <RetentionForm settings={retention.data.settings} lastRunAt={retention.data.lastRunAt} />
      )}
    </section>
  );
}
