import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from './client';

/**
 * Turns any failure into one calm sentence. Specific server messages (a 4xx "That email already has
 * an account") are more useful than a generic one, so they win; 5xx and network failures get ours.
 */
export function useDescribeError(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!isApiRequestError(error)) return t('errors.unexpected');
      if (error.status === 0) return t('errors.network');
      if (error.status >= 500 || error.code === 'invalid_response') return t('errors.server');
      if (error.status === 429) return error.message || t('errors.tooManyAttempts');
      const specific = error.message.trim();
      const generic = /^(Bad Request|Forbidden|Not Found|Conflict|Unauthorized|Invalid input)$/i.test(
        specific,
      );
      if (specific && !generic) return specific;
      switch (error.status) {
        case 400:
          return t('errors.validation');
        case 403:
          return t('errors.forbidden');
        case 404:
          return t('errors.notFound');
        case 409:
          return t('errors.conflict');
        default:
          return t('errors.unexpected');
      }
    },
    [t],
  );
}
