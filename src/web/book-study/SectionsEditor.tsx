/**
 * The sections and reading schedule of a book study, as rows to add and remove (BOOK-WEB-2): each row's fields
 * are named by the path the server's 400s use (`sections.<i>.readBy`), so a problem shows at its field. Read-by
 * days can be filled in at once from a first day and a cadence (BOOK-SCHED-1). Used to start a study and to
 * change its schedule (BOOK-4).
 */
import { useState } from 'react';
import type { RoutineSummary } from '#contracts/meetings-api';
import { READING_CADENCE_MAX_WEEKS } from '#core/book-study/schedule';
import { announce } from '../ui/announcer';
import { Button } from '../ui/Button';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { TextField } from '../ui/TextField';
import { appendSection, withProposedReadBy, type SectionDraft } from './draft';
import { useFocusAfterRender } from './focus';
import { useBookStudyT } from './i18n';
import { SECTIONS_MAX } from './limits';

export function SectionsEditor({
  idPrefix,
  rows,
  onRows,
  routines,
  timeZone,
}: {
  /** Keeps ids apart when two editors could be on one page. */
  idPrefix: string;
  rows: readonly SectionDraft[];
  onRows: (rows: SectionDraft[]) => void;
  routines: readonly RoutineSummary[];
  timeZone: string | null;
}) {
  const t = useBookStudyT();
  const [firstReadBy, setFirstReadBy] = useState(rows[0]?.readBy ?? '');
  const [cadence, setCadence] = useState('1');
  const [planProblem, setPlanProblem] = useState<string | undefined>();
  const focusLater = useFocusAfterRender();
  const addId = `${idPrefix}-add`;

  const update = (key: string, change: Partial<SectionDraft>) =>
    onRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const routineOptions = [
    { id: '', label: t('editor.noRoutine') },
    ...routines.map((r) => ({ id: r.id, label: r.name })),
  ];
  const cadenceOptions = Array.from({ length: READING_CADENCE_MAX_WEEKS }, (_, i) => ({
    id: String(i + 1),
    label: t('editor.weeks', { count: i + 1 }),
  }));

  return (
    <fieldset className="book-editor">
      <legend className="book-editor__legend">{t('editor.sections')}</legend>
      <p className="field__hint">{t('editor.sectionsHint', { zone: timeZone ?? '' })}</p>
      <div className="book-editor__plan" role="group" aria-labelledby={`${idPrefix}-plan`}>
        <p id={`${idPrefix}-plan`} className="book-editor__plan-title">
          {t('editor.plan')}
        </p>
        <p className="field__hint">{t('editor.planHint')}</p>
        <div className="book-editor__plan-fields">
          <TextField
            id={`${idPrefix}-first`}
            type="date"
            label={t('editor.firstReadBy')}
            value={firstReadBy}
            onChange={(value) => {
              setFirstReadBy(value);
              setPlanProblem(undefined);
            }}
            {...(planProblem ? { errorMessage: planProblem } : {})}
          />
          <SelectField
            id={`${idPrefix}-cadence`}
            label={t('editor.cadence')}
            options={cadenceOptions}
            value={cadence}
            onChange={setCadence}
          />
          <Button
            onPress={() => {
              if (!/^\d{4}-\d{2}-\d{2}$/.test(firstReadBy)) {
                setPlanProblem(t('editor.fillNeedsDay'));
                return;
              }
              onRows(withProposedReadBy(rows, firstReadBy, Number(cadence)));
              announce(t('editor.filled', { count: rows.length }));
            }}
          >
            {t('editor.fill')}
          </Button>
        </div>
      </div>
      <ol className="book-editor__rows">
        {rows.map((row, i) => {
          const n = i + 1;
          const name = (field: string) => `sections.${String(i)}.${field}`;
          const id = (field: string) => `${idPrefix}-${row.key}-${field}`;
          return (
            <li key={row.key} className="book-editor__row">
              <fieldset className="book-editor__section">
                <legend className="book-editor__section-legend">{t('editor.sectionLegend', { n })}</legend>
                {row.id ? <p className="field__hint">{t('editor.kept')}</p> : null}
                <div className="book-editor__grid">
                  <TextField
                    id={id('title')}
                    name={name('title')}
                    label={t('editor.sectionTitle')}
                    value={row.title}
                    maxLength={160}
                    onChange={(title) => update(row.key, { title })}
                  />
                  <TextField
                    id={id('pages')}
                    name={name('pages')}
                    label={t('editor.pages')}
                    value={row.pages}
                    maxLength={120}
                    onChange={(pages) => update(row.key, { pages })}
                  />
                  <TextField
                    id={id('readBy')}
                    name={name('readBy')}
                    type="date"
                    label={t('editor.readBy')}
                    value={row.readBy}
                    onChange={(readBy) => update(row.key, { readBy })}
                  />
                  <TextField
                    id={id('sessionAt')}
                    name={name('sessionAt')}
                    type="datetime-local"
                    label={t('editor.sessionAt')}
                    value={row.sessionAt}
                    onChange={(sessionAt) => update(row.key, { sessionAt })}
                  />
                  <SelectField
                    id={id('routineId')}
                    name={name('routineId')}
                    label={t('editor.routine')}
                    options={routineOptions}
                    value={row.routineId}
                    onChange={(routineId) => update(row.key, { routineId })}
                  />
                </div>
                <TextAreaField
                  name={name('prompts')}
                  label={t('editor.prompts')}
                  description={t('editor.promptsHint')}
                  maxLength={8 * 501}
                  rows={3}
                  value={row.prompts}
                  onChange={(prompts) => update(row.key, { prompts })}
                />
                {rows.length > 1 ? (
                  <Button
                    variant="quiet"
                    onPress={() => {
                      onRows(rows.filter((r) => r.key !== row.key));
                      announce(t('editor.removed'));
                      focusLater(addId);
                    }}
                  >
                    {t('editor.remove', { n })}
                  </Button>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {rows.length < SECTIONS_MAX ? (
        <Button
          id={addId}
          onPress={() => {
            const next = appendSection(rows, Number(cadence));
            onRows(next);
            const added = next.at(-1);
            if (added) focusLater(`${idPrefix}-${added.key}-title`);
            announce(t('editor.added', { n: next.length }));
          }}
        >
          {t('editor.add')}
        </Button>
      ) : null}
    </fieldset>
  );
}
