import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useNavigate, useSearchParams } from '../../shell/navigation';
import { ApiRequestError, call, isApiRequestError } from '../../api/client';
import { ApiForm, type FormValues } from '../../forms/ApiForm';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/TextField';
import { normalizeMeetingCode } from '../format-code';
import { useMeetingsT } from '../i18n';
import { guestKeys } from './queries';

const fields = ['code', 'name'] as const;

/**
 * Joining without an account (DAY-FIRST-3, ADR 0013): the code from the shared screen and a display name. No
 * email is asked, so nobody claims an address they cannot read (TRUST-ID); the facilitator lets each guest in.
 */
export function GuestJoinForm() {
  const t = useMeetingsT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const fromLink = searchParams.get('code') ?? '';
  const ask = useMutation({
    mutationFn: (values: FormValues) =>
      call('askToJoinAsGuest', {
        body: { code: normalizeMeetingCode(values.code ?? ''), name: values.name ?? '' },
      }),
    onSuccess: (session) => {
      queryClient.setQueryData(guestKeys.session, session);
      navigate('/guest');
    },
  });
  // A 404 is about the code typed: say so next to the field, where the fix is.
  const error: unknown =
    isApiRequestError(ask.error) && ask.error.status === 404
      ? new ApiRequestError('askToJoinAsGuest', 400, 'validation', '', [
          { path: 'code', message: t('join.notFound') },
        ])
      : ask.error;
  const next = `/join-meeting${fromLink ? `?code=${encodeURIComponent(fromLink)}` : ''}`;

  return (
    <Page title={t('join.title')} intro={<p>{t('guests.asGuestIntro')}</p>} width="narrow">
      <ApiForm
        fieldNames={fields}
        error={error}
        onValues={(values) => {
          ask.mutate(values);
        }}
      >
        <TextField
          name="code"
          label={t('join.code')}
          description={t('join.codeHint')}
          defaultValue={fromLink}
          isRequired
          autoComplete="off"
          inputClassName="field__input field__input--code"
        />
        <TextField
          name="name"
          label={t('guests.name')}
          description={t('guests.nameHint')}
          isRequired
          autoComplete="name"
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={ask.isPending}>
            {t('guests.submit')}
          </Button>
        </div>
      </ApiForm>
      <p>
        {t('guests.signedInHint')}{' '}
        <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>{t('guests.signIn')}</Link>
      </p>
    </Page>
  );
}
