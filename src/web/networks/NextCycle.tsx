/**
 * NET-WEB-7: on a cohort's team page, those who run it (its conveners and facilitators) start its next cycle: a
 * new focus (the current one to start from) and goal, in a dialog. The cohort keeps its members, meetings and
 * memory; the page then shows the new cycle.
 */
import { useState } from 'react';
import type { Cohort } from '#contracts/cohorts';
import { ApiForm } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { CycleFields, cycleFieldNames, focusChoiceOf, useCycleFields } from './CycleFields';
import { useNetworksT } from './i18n';
import { useStartCycle } from './queries';

export function NextCycle({ cohort }: { cohort: Cohort }) {
  const t = useNetworksT();
  const toast = useToast();
  const [isOpen, setOpen] = useState(false);
  const start = useStartCycle(cohort.id);
  const cycle = useCycleFields(focusChoiceOf(cohort.cycle.focus));
  const close = () => {
    setOpen(false);
    start.reset();
    cycle.reset();
  };
  const current = cohort.cycle.focus;
  return (
    <>
      <Button
        variant="secondary"
        aria-haspopup="dialog"
        onPress={() => {
          setOpen(true);
        }}
      >
        {t('nextCycle.open')}
      </Button>
      <Dialog
        isOpen={isOpen}
        onClose={close}
        isBusy={start.isPending}
        title={t('nextCycle.title', { number: cohort.cycle.number + 1, name: cohort.name })}
      >
        <p>{t('nextCycle.intro')}</p>
        <ApiForm
          fieldNames={cycleFieldNames}
          error={start.error}
          isPending={start.isPending}
          onValues={(values) => {
            start.mutate(cycle.cycleOf(values), {
              onSuccess: (updated) => {
                toast(t('nextCycle.started', { number: updated.cycle.number, name: updated.name }));
                close();
              },
            });
          }}
        >
          <CycleFields
            state={cycle}
            idPrefix="next-cycle"
            autoFocus
            {...('custom' in current ? { defaultCustom: current.custom } : {})}
          />
          <div className="dialog__actions">
            <Button variant="secondary" onPress={close}>
              {t('nextCycle.cancel')}
            </Button>
            <Button type="submit" variant="primary" isPending={start.isPending}>
              {t('nextCycle.submit')}
            </Button>
          </div>
        </ApiForm>
      </Dialog>
    </>
  );
}
