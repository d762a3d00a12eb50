import { ApiForm } from '../forms/ApiForm';
import { announce } from '../ui/announcer';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { TextAreaField } from '../ui/TextAreaField';
import { TAG_KEYS, tagOf } from './format';
import { useMemoryT } from './i18n';
import { useLogSuccess, useMemoryList } from './queries';

const fieldNames = [
  'title',
  'story',
  'evidence',
  'whatWorked',
  'insight',
  'occurredOn',
  'inspiredById',
  ...TAG_KEYS.map((k) => `tags.${k}`),
];
const NONE = 'none';

/** MEM-REC-6: a member logs a success outside a meeting. */
export function LogSuccessDialog({
  groupId,
  isOpen,
  onClose,
}: {
  groupId: string;
  isOpen: boolean;
  onClose: () => void;
}) {
  const t = useMemoryT();
  const log = useLogSuccess(groupId);
  const observations = useMemoryList(groupId, { kind: 'observation' });
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('log.title')} isBusy={log.isPending} size="large">
      <p>{t('log.intro')}</p>
      <ApiForm
        fieldNames={fieldNames}
        error={log.error}
        isPending={log.isPending}
        onValues={(values) => {
          const inspired = values.inspiredById && values.inspiredById !== NONE ? values.inspiredById : null;
          log.mutate(
            {
              title: values.title ?? '',
              story: values.story ?? '',
              evidence: values.evidence ?? '',
              whatWorked: values.whatWorked ?? '',
              insight: values.insight ?? '',
              occurredOn: values.occurredOn ?? '',
              tags: {
                grade: tagOf(values['tags.grade']),
                subject: tagOf(values['tags.subject']),
                strategy: tagOf(values['tags.strategy']),
                studentGroup: tagOf(values['tags.studentGroup']),
              },
              inspiredById: inspired,
            },
            {
              onSuccess: () => {
                announce(t('log.done'));
                onClose();
              },
            },
          );
        }}
      >
        <TextField name="title" label={t('log.titleLabel')} maxLength={200} isRequired />
        <TextAreaField name="story" label={t('log.story')} maxLength={5000} isRequired />
        <TextAreaField
          name="evidence"
          label={t('log.evidence')}
          description={t('log.evidenceHint')}
          maxLength={2000}
          rows={2}
        />
        <TextAreaField name="whatWorked" label={t('log.whatWorked')} maxLength={5000} rows={2} />
        <TextAreaField name="insight" label={t('log.insight')} maxLength={5000} rows={2} />
        <TextField
          name="occurredOn"
          type="date"
          label={t('log.occurredOn')}
          defaultValue={today}
          isRequired
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('tags.title')}</legend>
          {TAG_KEYS.map((key) => (
            <TextField key={key} name={`tags.${key}`} label={t(`tags.${key}`)} maxLength={80} />
          ))}
        </fieldset>
        {observations.data?.items.length ? (
          <SelectField
            name="inspiredById"
            label={t('log.inspiredBy')}
            defaultValue={NONE}
            options={[
              { id: NONE, label: t('log.inspiredByNone') },
              ...observations.data.items.map((o) => ({ id: o.id, label: o.title })),
            ]}
          />
        ) : null}
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={log.isPending}>
            {t('log.submit')}
          </Button>
          <Button onPress={onClose}>{t('log.cancel')}</Button>
        </div>
      </ApiForm>
    </Dialog>
  );
}
