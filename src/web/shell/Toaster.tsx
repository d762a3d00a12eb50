import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';

export type ToastTone = 'success' | 'info' | 'error';
interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}

type ShowToast = (message: string, tone?: ToastTone) => void;
const ToastContext = createContext<ShowToast | null>(null);

/** Short confirmations ("Invitation sent") that do not move focus. */
export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast must be used inside <ToastProvider>');
  return show;
}

/** Long enough to read slowly; the status stays visible on the page itself, so nothing is lost. */
const TOAST_MILLISECONDS = 8000;

/**
 * Two parts on purpose: a visually hidden live region that always exists (so screen readers announce
 * each message once, without "Dismiss" appended), and the visible toasts with a dismiss button.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback<ShowToast>(
    (message, tone = 'success') => {
      const id = nextId.current++;
      setToasts((current) => [...current.slice(-2), { id, message, tone }]);
      // Re-setting identical text would not be announced again; the zero-width space makes it new.
      setAnnouncement((previous) => (previous === message ? message + '\u200b' : message));
      window.setTimeout(() => {
        dismiss(id);
      }, TOAST_MILLISECONDS);
    },
    [dismiss],
  );

  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden">
        {announcement}
      </div>
      {toasts.length > 0 ? (
        <section className="toasts" aria-label={t('app.notifications')}>
          {toasts.map((toast) => (
            <div key={toast.id} className={`toast toast--${toast.tone}`}>
              <Icon
                name={toast.tone === 'error' ? 'alert' : toast.tone === 'info' ? 'info' : 'check'}
                className="icon toast__icon"
              />
              <p className="toast__message">{toast.message}</p>
              <button
                type="button"
                className="toast__close"
                onClick={() => {
                  dismiss(toast.id);
                }}
                aria-label={t('common.dismiss')}
              >
                <Icon name="close" />
              </button>
            </div>
          ))}
        </section>
      ) : null}
    </ToastContext.Provider>
  );
}
