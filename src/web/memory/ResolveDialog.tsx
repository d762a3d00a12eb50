import { ApiForm } from '../forms/ApiForm';
import { announce } from '../ui/announcer';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextAreaField } from '../ui/TextAreaField';
import { useMemoryT } from './i18n';
import { useResolveDilemma } from './queries';

const fieldNames = ['evidence', 'insight'] as const;

/** MEM-DIL-3: "Mark resolved" asks for the evidence of student growth; the dilemma becomes a linked success. */
export function ResolveDialog({
  groupId,
  recordId,
  isOpen,
  onClose,
  onResolved,
}: {
  groupId: string;
  recordId: string;
  isOpen: boolean;
  onClose: () => void;
  onResolved?: (successId: string | null) => void;
}) {
  const t = useMemoryT();
  const resolve = useResolveDilemma(groupId);
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('resolve.title')} isBusy={resolve.isPending}>
      <p>{t('resolve.intro')}</p>
      <ApiForm
        fieldNames={fieldNames}
        error={resolve.error}
        isPending={resolve.isPending}
        onValues={(values) => {
          resolve.mutate(
            {
              recordId,
              evidence: values.evidence ?? '',
              ...(values.insight?.trim() ? { insight: values.insight } : {}),
            },
            {
              onSuccess: (record) => {
                announce(t('resolve.done'));
                onClose();
                onResolved?.(record.links.successFromIt?.id ?? null);
              },
            },
          );
        }}
      >
        <TextAreaField name="evidence" label={t('resolve.evidence')} maxLength={2000} isRequired />
        <TextAreaField name="insight" label={t('resolve.insight')} maxLength={5000} rows={2} />
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={resolve.isPending}>
            {t('resolve.submit')}
          </Button>
          <Button onPress={onClose}>{t('resolve.cancel')}</Button>
        </div>
      </ApiForm>
    </Dialog>
  );
}
