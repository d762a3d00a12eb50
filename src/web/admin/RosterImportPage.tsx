/**
 * ROSTER-WEB-1: "Import a roster" (district admins): choose a OneRoster zip, read the preview (counts, every
 * problem as file:line, the changes), then import exactly what was previewed. The zip is kept in the page and sent
 * again with the preview's plan hash, so the server commits only the plan that was shown (409 otherwise).
 */
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterCounts, RosterPreview } from '#contracts/roster';
import { call, isApiRequestError } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { announce } from '../ui/announcer';
import { Button } from '../ui/Button';
import { FormAlert } from '../ui/FormAlert';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import './i18n';
import './roster.css';

/** The file's bytes as base64, a chunk at a time (no spread of a large array into one call). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const COUNT_KEYS = [
  'schoolsAdded',
  'schoolsUpdated',
  'peopleAdded',
  'peopleUpdated',
  'peopleDeactivated',
  'learnersSkipped',
] as const satisfies readonly (keyof RosterCounts)[];

export function RosterImportPage() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [previewed, setPreviewed] = useState<{ zip: string; preview: RosterPreview } | null>(null);
  const [committed, setCommitted] = useState<RosterCounts | null>(null);

  const preview = useMutation({
    mutationFn: async (file: File) => {
      const zip = await base64Of(file);
      return { zip, preview: await call('previewRoster', { body: { zip } }) };
    },
    onSuccess: (result) => {
      setPreviewed(result);
      announce(t('admin.roster.previewTitle'));
      requestAnimationFrame(() => resultRef.current?.focus());
    },
    onError: (error) => setFormError(describe(error)),
  });

  const commit = useMutation({
    mutationFn: (p: { zip: string; preview: RosterPreview }) =>
      call('commitRoster', { body: { zip: p.zip, planHash: p.preview.planHash } }),
    onSuccess: (result) => {
      setCommitted(result.counts);
      setPreviewed(null);
      announce(t('admin.roster.committed', result.counts));
    },
    onError: (error) =>
      setFormError(
        isApiRequestError(error) && error.status === 409
          ? t('admin.roster.changedSincePreview')
          : describe(error),
      ),
  });

  const submit = () => {
    setFormError(null);
    setCommitted(null);
    setPreviewed(null);
    const file = inputRef.current?.files?.[0];
    if (!file) {
      setFormError(t('admin.roster.chooseFile'));
      inputRef.current?.focus();
      return;
    }
    preview.mutate(file);
  };

  const p = previewed?.preview;
  const nothingToDo = p !== undefined && p.ok && p.changes.length === 0;
  const busy = preview.isPending
    ? t('admin.roster.reading')
    : commit.isPending
      ? t('admin.roster.committing')
      : '';

  return (
    <Page title={t('admin.roster.title')} intro={<p>{t('admin.roster.intro')}</p>}>
      <section className="panel roster-import">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          noValidate
        >
          <div className="field">
            <label htmlFor={inputId} className="field__label">
              {t('admin.roster.file')}
            </label>
            <p id={hintId} className="field__hint">
              {t('admin.roster.fileHint')}
            </p>
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              accept=".zip,application/zip"
              className="field__input"
              aria-describedby={hintId}
              data-testid="roster-file"
            />
          </div>
          {formError !== null ? <FormAlert messages={[formError]} /> : null}
          <Button type="submit" variant="primary" isPending={preview.isPending}>
            {t('admin.roster.preview')}
          </Button>
        </form>
        <p role="status" className="roster-import__progress">
          {busy}
        </p>
        {committed ? (
          <Notice tone="success" role="status">
            <p>{t('admin.roster.committed', committed)}</p>
          </Notice>
        ) : null}
      </section>

      {previewed && p ? (
        <section className="panel roster-import" aria-labelledby={`${inputId}-preview`}>
          <h2 id={`${inputId}-preview`} ref={resultRef} tabIndex={-1} className="section__title">
            {t('admin.roster.previewTitle')}
          </h2>
          <p>{t('admin.roster.version', { version: p.version })}</p>
          <table className="roster-import__counts">
            <caption>{t('admin.roster.countsCaption')}</caption>
            <tbody>
              {COUNT_KEYS.map((key) => (
                <tr key={key}>
                  <th scope="row">{t(`admin.roster.counts.${key}`)}</th>
                  <td>{p.counts[key]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!p.ok ? <Notice tone="error">{t('admin.roster.refused')}</Notice> : null}
          {nothingToDo ? <Notice>{t('admin.roster.nothingToDo')}</Notice> : null}
          {p.problems.length ? (
            <>
              <h3>{t('admin.roster.problemsTitle', { count: p.problems.length })}</h3>
              <ul className="roster-import__problems" data-testid="roster-problems">
                {p.problems.map((problem, i) => (
                  <li key={i}>
                    <strong>{t(`admin.roster.${problem.severity}`)}</strong>{' '}
                    <code>
                      {problem.file}
                      {problem.line !== null ? `:${problem.line}` : ''}
                    </code>{' '}
                    {problem.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {p.changes.length ? (
            <>
              <h3>{t('admin.roster.changesTitle')}</h3>
              {p.changes.length < totalOf(p.counts) ? (
                <p>{t('admin.roster.changesMore', { shown: p.changes.length, total: totalOf(p.counts) })}</p>
              ) : null}
              <ul className="roster-import__changes" data-testid="roster-changes">
                {p.changes.map((c) => (
                  <li key={`${c.kind}-${c.sourcedId}`}>
                    <strong>
                      {t(`admin.roster.action.${c.action}`)} · {t(`admin.roster.kind.${c.kind}`)}
                    </strong>{' '}
                    <span className="roster-import__label">{c.label}</span>
                    {c.detail ? <span className="roster-import__detail">{c.detail}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {p.ok && !nothingToDo ? (
            <Button variant="primary" isPending={commit.isPending} onPress={() => commit.mutate(previewed)}>
              {t('admin.roster.commit')}
            </Button>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}

const totalOf = (c: RosterCounts) =>
  c.schoolsAdded + c.schoolsUpdated + c.peopleAdded + c.peopleUpdated + c.peopleDeactivated;
