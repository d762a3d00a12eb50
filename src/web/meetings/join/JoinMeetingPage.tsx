import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from '../../shell/navigation';
import { ApiRequestError, call, isApiRequestError } from '../../api/client';
import { ApiForm, type FormValues } from '../../forms/ApiForm';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/TextField';
import { normalizeMeetingCode } from '../format-code';
import { useMeetingsT } from '../i18n';
import { useMe } from '../../api/queries';
import { LoadingState } from '../../ui/States';
import { GuestJoinForm } from '../guests/GuestJoinForm';

const codeFields = ['code'] as const;

/**
 * /join-meeting — type the code from the shared screen, land in the meeting. `?code=` fills it in and goes.
 * Open to everyone (DAY-FIRST-3): signed in, the account joins; signed out, a colleague asks to join as a
 * meeting guest under a display name, and the facilitator lets them in.
 */
export function JoinMeetingPage() {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (!me.data) return <GuestJoinForm />;
  return <MemberJoinMeeting />;
}

function MemberJoinMeeting() {
  const t = useMeetingsT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [checkError, setCheckError] = useState<ApiRequestError | null>(null);
  const find = useMutation({
    mutationFn: (code: string) => call('findMeetingByCode', { params: { code } }),
    onSuccess: ({ meetingId }) => {
      navigate(`/meetings/${meetingId}`);
    },
  });

  const lookUp = (typed: string) => {
    const code = normalizeMeetingCode(typed);
    if (code === '') {
      setCheckError(
        new ApiRequestError('findMeetingByCode', 400, 'validation', '', [
          { path: 'code', message: t('join.required') },
        ]),
      );
      return;
    }
    setCheckError(null);
    find.mutate(code);
  };

  // A 404 is about what was typed: say so next to the field, where the fix is.
  const error: unknown =
    checkError ??
    (isApiRequestError(find.error) && find.error.status === 404
      ? new ApiRequestError('findMeetingByCode', 400, 'validation', '', [
          { path: 'code', message: t('join.notFound') },
        ])
      : find.error);

  const fromLink = searchParams.get('code');
  const started = useRef(false);
  useEffect(() => {
    if (fromLink && !started.current) {
      started.current = true;
      lookUp(fromLink);
    }
  });

  return (
    <Page title={t('join.title')} intro={<p>{t('join.intro')}</p>} width="narrow">
      <ApiForm
        fieldNames={codeFields}
        error={error}
        onValues={(values: FormValues) => {
          lookUp(values.code ?? '');
        }}
      >
        <TextField
          name="code"
          label={t('join.code')}
          description={t('join.codeHint')}
          defaultValue={fromLink ?? ''}
          isRequired
          autoComplete="off"
          inputClassName="field__input field__input--code"
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" isDisabled={find.isPending}>
            {t('join.submit')}
          </Button>
        </div>
      </ApiForm>
    </Page>
  );
}
