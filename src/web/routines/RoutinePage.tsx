import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useNavigate, useSearchParams } from '../shell/navigation';
import type { Routine } from '#contracts/routine';
import { isApiRequestError } from '../api/client';
import { useGroup } from '../api/queries';
import { useToast } from '../shell/Toaster';
import { Button, ButtonLink } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { ErrorState, LoadingState } from '../ui/States';
import { useRoutinesT } from './i18n';
import { factsLine, summaryVersionLine, versionLine } from './labels';
import { routineKeys, useRoutine, useRoutines } from './queries';
import { RoutineEditor } from './RoutineEditor';
import { StepDetails } from './StepDetails';

/**
 * `/teams/:groupId/routines/:routineId`: the routine's steps, read-only for everyone; `?edit=1` opens the
 * editor for those who may run the team's meetings (the group's `can.manageMembers`, the same server rule;
 * the server still checks, and its 403 is shown in the editor).
 * One <Page> whatever the state, so its <h1> (and the focus on it) stays while data loads and modes change.
 */
export function RoutinePage() {
  const t = useRoutinesT();
  const { t: appT } = useTranslation();
  const { groupId = '', routineId = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const group = useGroup(groupId);
  const routine = useRoutine(groupId, routineId);
  const list = useRoutines(groupId);
  // After leaving the editor, focus goes back to the button that opened it.
  const focusEditButtonRef = useRef(false);

  const failed = group.error ?? routine.error;
  if (failed) {
    const missing =
      isApiRequestError(failed) && (failed.status === 404 || failed.status === 403 || failed.status === 400);
    return (
      <Page title={missing ? appT('errors.pageNotFoundTitle') : appT('errors.crashTitle')}>
        <ErrorState
          error={failed}
          {...(missing
            ? {}
            : {
                onRetry: () => {
                  void group.refetch();
                  void routine.refetch();
                },
              })}
        />
        <ButtonLink to={missing ? '/' : `/teams/${groupId}/routines`}>
          {missing ? appT('common.goHome') : t('list.title')}
        </ButtonLink>
      </Page>
    );
  }
  if (!group.data || !routine.data) {
    return (
      <Page title={appT('app.loading')}>
        <LoadingState />
      </Page>
    );
  }

  const team = group.data;
  const current = routine.data;
  const summary = list.data?.find((r) => r.id === current.id);
  // A library routine is another team's: it is copied to be adapted, never edited in place (ROUTINE-LIB-NEW-2).
  const fromLibrary = summary?.origin === 'library';
  const canEdit = team.can.manageMembers && !fromLibrary;
  const editing = canEdit && search.has('edit');
  const minutes = current.steps.reduce((sum, step) => sum + step.minutes, 0);
  const leaveEditor = () => {
    focusEditButtonRef.current = true;
    navigate(`/teams/${groupId}/routines/${routineId}`, { replace: true });
  };
  const back = (
    <p className="routines-back">
      <Link to={`/teams/${team.id}/routines`}>{t('common.backToList', { team: team.name })}</Link>
    </p>
  );

  return (
    <Page
      title={editing ? t('editor.title', { name: current.name }) : current.name}
      intro={
        editing ? (
          <p>{t('editor.intro')}</p>
        ) : (
          <>
            <p>{current.summary}</p>
            <p className="page__facts" data-testid="routine-facts">
              {factsLine(t, minutes, current.steps.length)} ·{' '}
              {summary && summary.version === current.version
                ? summaryVersionLine(t, summary, list.data ?? [])
                : versionLine(t, current)}
            </p>
          </>
        )
      }
    >
      {back}
      {editing ? (
        <RoutineEditor
          groupId={team.id}
          routine={current}
          onCancel={leaveEditor}
          onSaved={(saved) => {
            queryClient.setQueryData(routineKeys.one(team.id, saved.id), saved);
            void queryClient.invalidateQueries({ queryKey: routineKeys.all(team.id) });
            toast(t('routine.saved', { version: saved.version }));
            leaveEditor();
          }}
        />
      ) : (
        <RoutineView
          routine={current}
          canEdit={canEdit}
          fromLibrary={fromLibrary}
          focusEditButtonRef={focusEditButtonRef}
        />
      )}
    </Page>
  );
}

const EDIT_BUTTON_ID = 'routine-edit-button';

function RoutineView({
  routine,
  canEdit,
  fromLibrary,
  focusEditButtonRef,
}: {
  routine: Routine;
  canEdit: boolean;
  fromLibrary: boolean;
  focusEditButtonRef: RefObject<boolean>;
}) {
  const t = useRoutinesT();
  const navigate = useNavigate();

  useEffect(() => {
    if (!focusEditButtonRef.current) return;
    focusEditButtonRef.current = false;
    document.getElementById(EDIT_BUTTON_ID)?.focus();
  }, [focusEditButtonRef]);

  return (
    <div className="routine-layout">
      <aside className="routine-layout__side" aria-labelledby="routine-about-heading">
        <div className="panel routine-about">
          <h2 id="routine-about-heading" className="routine-about__title">
            {t('routine.about')}
          </h2>
          <p>{routine.audience}</p>
          <p className="muted routine-about__source">{t('routine.source', { source: routine.source })}</p>
          {canEdit ? (
            <div className="routine-about__edit">
              <Button
                id={EDIT_BUTTON_ID}
                variant="primary"
                onPress={() => {
                  navigate('?edit=1');
                }}
              >
                {t('routine.edit')}
              </Button>
              {routine.basedOn ? null : <p className="field__hint">{t('routine.editHintShipped')}</p>}
            </div>
          ) : (
            <Notice>
              <p>{fromLibrary ? t('routine.fromLibrary') : t('routine.readOnly')}</p>
            </Notice>
          )}
        </div>
      </aside>
      <section className="routine-layout__main" aria-labelledby="routine-steps-heading">
        <h2 id="routine-steps-heading" className="section__title">
          {t('routine.steps')}
        </h2>
        <ol className="routine-steps" data-testid="routine-steps">
          {routine.steps.map((step, i) => (
            <StepDetails key={step.id} step={step} number={i + 1} />
          ))}
        </ol>
      </section>
    </div>
  );
}
