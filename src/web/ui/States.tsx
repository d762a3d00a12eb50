import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../api/describeError';
import { Button } from './Button';
import { Notice } from './Notice';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      <span className="loading__dot" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  return (
    <div role="alert" className="stack">
      <Notice tone="error">
        <p>{describe(error)}</p>
      </Notice>
      {onRetry ? <Button onPress={onRetry}>{t('common.tryAgain')}</Button> : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <h2 className="empty__title">{title}</h2>
      {children}
    </div>
  );
}
