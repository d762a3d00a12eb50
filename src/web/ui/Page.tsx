import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentLocation } from '../shell/navigation';
import { claimNavigationFocus } from '../shell/navigationFocus';
import { classNames } from './classNames';

/** Sets document.title to "<page> · Ensemble" so tabs, history and screen readers name the page. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
}

export interface PageProps {
  /** The page's one <h1> and its document title. */
  title: string;
  /** Document title when it should differ from the heading (e.g. a shorter one). */
  documentTitle?: string;
  intro?: ReactNode;
  /** Narrow pages are forms read top to bottom; wide pages hold tables and card grids. */
  width?: 'narrow' | 'wide';
  children?: ReactNode;
}

export function Page({ title, documentTitle, intro, width = 'wide', children }: PageProps) {
  usePageTitle(documentTitle ?? title);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useCurrentLocation();
  useEffect(() => {
    if (claimNavigationFocus(location.key)) headingRef.current?.focus();
  }, [location.key]);

  return (
    <div className={classNames('page', `page--${width}`)}>
      <header className="page__header">
        <h1 ref={headingRef} tabIndex={-1} className="page__title">
          {title}
        </h1>
        {intro ? <div className="page__intro">{intro}</div> : null}
      </header>
      {children}
    </div>
  );
}
