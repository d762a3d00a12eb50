/**
 * "Start a book study" on the team page (BOOK-WEB-1): the book (title, 1-10 authors, optional ISBN) and its
 * sections with the reading schedule (SectionsEditor). 400s show at their fields.
 */
import { useState } from 'react';
import { ApiForm } from '../forms/ApiForm';
import { useRoutines } from '../meetings/queries';
import { useSeries } from '../schedule/queries';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { TextField } from '../ui/TextField';
import { atEditorFields, emptySection, sectionFieldNames, sectionsBody, type SectionDraft } from './draft';
import { useBookStudyT } from './i18n';
import { AUTHORS_MAX } from './limits';
import { useCreateBookStudy } from './queries';
import { SectionsEditor } from './SectionsEditor';
import { useFocusAfterRender } from './focus';
import './book-study.css';

interface AuthorDraft {
  key: number;
  name: string;
}

export function StartBookStudyForm({ groupId, onDone }: { groupId: string; onDone: () => void }) {
  const t = useBookStudyT();
  const toast = useToast();
  const create = useCreateBookStudy(groupId);
  const routines = useRoutines(groupId);
  const timeZone = useSeries(groupId).data?.timeZone ?? null;
  const [title, setTitle] = useState('');
  const [isbn, setIsbn] = useState('');
  const [authors, setAuthors] = useState<AuthorDraft[]>([{ key: 0, name: '' }]);
  const [rows, setRows] = useState<SectionDraft[]>(() => [emptySection()]);
  const focusLater = useFocusAfterRender();

  const fieldNames = [
    'title',
    'isbn',
    'authors',
    ...authors.map((_, i) => `authors.${String(i)}`),
    ...sectionFieldNames(rows.length),
  ];

  return (
    <section className="panel book-start" aria-labelledby="book-start-heading">
      <h3 id="book-start-heading" className="subsection__title">
        {t('form.heading')}
      </h3>
      <ApiForm
        fieldNames={fieldNames}
        error={atEditorFields(create.error)}
        isPending={create.isPending}
        onValues={() =>
          create.mutate(
            {
              title,
              authors: authors.map((a) => a.name),
              isbn: isbn.trim() === '' ? null : isbn,
              sections: sectionsBody(rows),
            },
            {
              onSuccess: () => {
                toast(t('form.started'));
                onDone();
              },
            },
          )
        }
      >
        <fieldset className="book-editor">
          <legend className="book-editor__legend">{t('form.book')}</legend>
          <TextField name="title" label={t('form.title')} value={title} maxLength={200} onChange={setTitle} />
          <ol className="book-authors" aria-label={t('form.authors')}>
            {authors.map((author, i) => (
              <li key={author.key} className="book-authors__row">
                <TextField
                  id={`book-author-${String(author.key)}`}
                  name={`authors.${String(i)}`}
                  label={t('form.author', { n: i + 1 })}
                  value={author.name}
                  maxLength={120}
                  onChange={(name) =>
                    setAuthors(authors.map((a) => (a.key === author.key ? { ...a, name } : a)))
                  }
                />
                {authors.length > 1 ? (
                  <Button
                    variant="quiet"
                    onPress={() => {
                      setAuthors(authors.filter((a) => a.key !== author.key));
                      focusLater('book-author-add');
                    }}
                  >
                    {t('form.removeAuthor', { n: i + 1 })}
                  </Button>
                ) : null}
              </li>
            ))}
          </ol>
          {authors.length < AUTHORS_MAX ? (
            <Button
              id="book-author-add"
              onPress={() => {
                const key = Math.max(...authors.map((a) => a.key)) + 1;
                setAuthors([...authors, { key, name: '' }]);
                focusLater(`book-author-${String(key)}`);
              }}
            >
              {t('form.addAuthor')}
            </Button>
          ) : null}
          <TextField
            name="isbn"
            label={t('form.isbn')}
            description={t('form.isbnHint')}
            value={isbn}
            maxLength={20}
            autoComplete="off"
            onChange={setIsbn}
          />
        </fieldset>
        <SectionsEditor
          idPrefix="book-start"
          rows={rows}
          onRows={setRows}
          routines={routines.data ?? []}
          timeZone={timeZone}
        />
        <div className="actions">
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {t('form.submit')}
          </Button>
          <Button variant="quiet" onPress={onDone}>
            {t('section.cancel')}
          </Button>
        </div>
      </ApiForm>
    </section>
  );
}
