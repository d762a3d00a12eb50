import { useEffect, useRef } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useBlocker } from '../shell/navigation';
import { Button } from '../ui/Button';
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
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      isDismissable
      onOpenChange={(open) => {
        if (!open && blocker.state === 'blocked') blocker.reset();
      }}
    >
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title" className="dialog__title">
            {t('editor.leaveTitle')}
          </Heading>
          <p className="dialog__body">{t('editor.leaveBody')}</p>
          <div className="dialog__actions">
            <Button
              variant="secondary"
              autoFocus
              onPress={() => {
                if (blocker.state === 'blocked') blocker.reset();
              }}
            >
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
      </Modal>
    </ModalOverlay>
  );
}
