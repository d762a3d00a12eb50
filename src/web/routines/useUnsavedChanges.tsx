import { useEffect, useRef } from 'react';
import { useBlocker } from '../shell/navigation';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { useRoutinesT } from './i18n';

/**
 * Asks before unsaved changes are lost: a dialog for navigation inside the app (the router's blocker, which
 * also catches Back), the browser's own prompt for closing or reloading the tab.
 * `allowNextNavigation()` lets one navigation through, for the editor's own exit after a save or a discard.
 */
export function useUnsavedChanges(dirty: boolean) {
  const dirtyRef = useRef(dirty);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    return (
      dirtyRef.current &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search)
    );
  });

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
    };
  }, [dirty]);

  return {
    blocker,
    allowNextNavigation: () => {
      dirtyRef.current = false;
    },
  };
}

/** The in-app "Leave without saving?" dialog for a blocked navigation. */
export function LeaveDialog({ blocker }: { blocker: ReturnType<typeof useBlocker> }) {
  const t = useRoutinesT();
  const isOpen = blocker.state === 'blocked';
  const stay = () => {
    if (blocker.state === 'blocked') blocker.reset();
  };
  return (
    <Dialog isOpen={isOpen} onClose={stay} role="alertdialog" title={t('editor.leaveTitle')} isDismissable>
      <p className="dialog__body">{t('editor.leaveBody')}</p>
      <div className="dialog__actions">
        <Button variant="secondary" autoFocus onPress={stay}>
          {t('editor.stay')}
        </Button>
        <Button
          variant="danger"
          onPress={() => {
            if (blocker.state === 'blocked') blocker.proceed();
          }}
        >
          {t('editor.leave')}
        </Button>
      </div>
    </Dialog>
  );
}
