import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Announcer, announce } from '../ui/announcer';
import { Icon } from '../ui/Icon';
import { useTopLayer } from '../ui/layers';
import { useCurrentLocation } from './navigation';
import { withoutStale, withToast, type Toast, type ToastTone } from './toasts';

export type { ToastTone } from './toasts';

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

/** Fields a person types or chooses in: moving into one means they have moved on from the confirmation. */
const FORM_FIELD = 'input, textarea, select, [contenteditable="true"], [role="radio"], [role="checkbox"]';

/**
 * Two parts on purpose: a visually hidden live region that always exists (so screen readers announce
 * each message once, without "Dismiss" appended; pending buttons announce through it too), and the visible
 * toasts with a dismiss button.
 *
 * DAY-TEAM-2: at most three at once (one on a phone, at the top edge, see components.css); they go when the
 * person opens another page or moves into a field, so a confirmation never piles up or sits over a form
 * someone is filling in. A tap on a toast dismisses it too.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const regionRef = useRef<HTMLElement>(null);
  const { pathname } = useCurrentLocation();
  const shownPath = useRef(pathname);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const moveOn = useCallback(() => {
    setToasts((current) => (current.length ? withoutStale(current, performance.now()) : current));
  }, []);

  const show = useCallback<ShowToast>(
    (message, tone = 'success') => {
      const id = nextId.current++;
      setToasts((current) => withToast(current, { id, message, tone, shownAt: performance.now() }));
      announce(message);
      window.setTimeout(() => {
        dismiss(id);
      }, TOAST_MILLISECONDS);
    },
    [dismiss],
  );

  // Another page: the last page's confirmations are done (a toast the navigation itself brought stays).
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    moveOn();
  }, [pathname, moveOn]);

  // Into a field, or typing: the person has moved on, and the toast must not sit over what they fill in.
  const hasToasts = toasts.length > 0;
  useEffect(() => {
    if (!hasToasts) return;
    const onFocus = (event: Event) => {
      const target = event.target;
      if (!(target instanceof Element) || regionRef.current?.contains(target)) return;
      if (target.closest(FORM_FIELD)) moveOn();
    };
    document.addEventListener('focusin', onFocus);
    document.addEventListener('input', onFocus);
    return () => {
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('input', onFocus);
    };
  }, [hasToasts, moveOn]);

  // While a modal dialog is open the page is inert and under its backdrop: what is said and shown goes inside.
  const layer = useTopLayer();

  const value = useMemo(() => show, [show]);
  const visible =
    toasts.length > 0 ? (
      <section ref={regionRef} className="toasts" aria-label={t('app.notifications')}>
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast--${toast.tone}`}
            data-testid="toast"
            // A tap anywhere on it puts it away (the button is the keyboard's way to do the same).
            onClick={() => {
              dismiss(toast.id);
            }}
          >
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
    ) : null;
  return (
    <ToastContext.Provider value={value}>
      {children}
      <Announcer active={!layer} />
      {layer
        ? createPortal(
            <>
              <Announcer />
              {visible}
            </>,
            layer,
          )
        : visible}
    </ToastContext.Provider>
  );
}
