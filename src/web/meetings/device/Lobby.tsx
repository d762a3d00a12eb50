/**
 * What only the lobby draws (DAY-PERF-5): the facilitator's setup (roles, then Start) and the join code with its
 * QR code. A started meeting never shows these, so they load apart from the device page: when a meeting that has
 * not started opens (`MeetingPage.tsx`), or, for the roles form alone, with the facilitator's "More" in a
 * running meeting (`FacilitatorControls.tsx`).
 */
import { useState, type ReactNode } from 'react';
import type { MeetingState } from '#core/meeting/index';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { LobbyGuests } from '../guests/LobbyGuests';
import { useMeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import type { CommandBody } from '../live/meeting-client';
import { AutoStartTimerSwitch } from './AutoStartTimerSwitch';
import { EndMeetingButton } from './FacilitatorControls';
import { AutoAdvanceSwitch, HandOverFacilitation } from './MoreSettings';

const NOBODY = 'nobody';

/** The lobby's main column: who joins and how (`waiting`: who waits to be let in), then the setup. */
export function Lobby({ waiting }: { waiting: ReactNode }) {
  return (
    <>
      <LobbyGuests waiting={waiting} />
      <LobbySetup />
    </>
  );
}

/** Before the start: everyone waits; the facilitator sets roles and starts. */
export function LobbySetup() {
  const t = useMeetingsT();
  const { can, send } = useLiveMeeting();
  return (
    <section className="panel stack" aria-labelledby="lobby-heading">
      <h2 id="lobby-heading" className="section__title">
        {can.startMeeting ? t('device.lobbySetupTitle') : t('device.lobbyTitle')}
      </h2>
      {can.startMeeting ? null : <p>{t('device.lobbyBody')}</p>}
      {/* The Start button goes with the roles form: starting sends the roles it shows (DAY-DEVICE-1). */}
      {can.assignRoles ? (
        <RolesForm withStart={can.startMeeting} />
      ) : can.startMeeting ? (
        <div className="actions">
          <Button variant="primary" onPress={() => void send({ type: 'startMeeting' })}>
            {t('controls.startMeeting')}
          </Button>
        </div>
      ) : null}
      {can.setAutoAdvance ? <AutoAdvanceSwitch /> : null}
      {can.setAutoStartTimer ? <AutoStartTimerSwitch /> : null}
      {can.handOverFacilitation ? <HandOverFacilitation /> : null}
      {can.endMeeting ? (
        <div>
          <EndMeetingButton variant="quiet" />
        </div>
      ) : null}
    </section>
  );
}

/**
 * Presenter (one per routine of the agenda: the saved one, else the suggested one, else the facilitator),
 * timekeeper and note-taker, saved together. Keyed by the saved roles, so a change made elsewhere (another
 * tab, the previous facilitator) shows what is true now. With `withStart` (the lobby), "Start the meeting"
 * sends the roles shown that are not saved yet, then the start: what the picker shows is what the meeting gets
 * (DAY-DEVICE-1).
 */
export function RolesForm({ withStart = false }: { withStart?: boolean }) {
  const { state } = useLiveMeeting();
  const { timekeeper, noteTaker } = state.roles;
  const presenters = state.agenda.map((p) => p.presenter ?? '').join(',');
  return (
    <RolesFormFields key={`${presenters}|${timekeeper ?? ''}|${noteTaker ?? ''}`} withStart={withStart} />
  );
}

/** The commands that make the roles in the form the meeting's roles; none when nothing differs. */
function roleCommands(
  state: Pick<MeetingState, 'agenda' | 'roles' | 'currentPart'>,
  form: { presenters: readonly (string | null)[]; timekeeper: string | null; noteTaker: string | null },
): CommandBody[] {
  const several = state.agenda.length > 1;
  const here = state.currentPart;
  const commands: CommandBody[] = [];
  const presenterHere = form.presenters[here] ?? null;
  const changedHere = presenterHere !== (state.agenda[here]?.presenter ?? null);
  if (changedHere || form.timekeeper !== state.roles.timekeeper || form.noteTaker !== state.roles.noteTaker) {
    // The current routine's presenter goes with the other roles; each other routine's presenter on its own.
    commands.push({
      type: 'assignRoles',
      presenter: presenterHere,
      ...(several && { part: here }),
      timekeeper: form.timekeeper,
      noteTaker: form.noteTaker,
    });
  }
  form.presenters.forEach((id, part) => {
    if (part !== here && id !== (state.agenda[part]?.presenter ?? null))
      commands.push({ type: 'assignRoles', presenter: id, part });
  });
  return commands;
}

function RolesFormFields({ withStart }: { withStart: boolean }) {
  const t = useMeetingsT();
  const { state, summary, nameOf, meId, send } = useLiveMeeting();
  const people = state.memberIds.map((id) => ({
    id,
    label: id === meId ? `${nameOf(id)} ${t('common.you')}` : nameOf(id),
  }));
  const options = [{ id: NOBODY, label: t('common.nobody') }, ...people];
  const several = state.agenda.length > 1;
  // Every routine has a presenter (the core gives the facilitator to one without): no "Nobody" to pick.
  const fallback = state.roles.facilitator ?? meId;
  const [presenters, setPresenters] = useState(() =>
    state.agenda.map((p, i) => p.presenter ?? summary.suggestedPresenterIds[i] ?? fallback),
  );
  const [timekeeper, setTimekeeper] = useState(state.roles.timekeeper ?? NOBODY);
  const [noteTaker, setNoteTaker] = useState(state.roles.noteTaker ?? NOBODY);
  const orNull = (id: string) => (id === NOBODY ? null : id);
  const pending = roleCommands(state, {
    presenters,
    timekeeper: orNull(timekeeper),
    noteTaker: orNull(noteTaker),
  });

  // The roles then show in the presence list on every screen; a refusal comes back as a toast.
  // The outbox sends in order, so the roles land before the start.
  const save = () => {
    for (const command of pending) void send(command);
  };
  const start = () => {
    save();
    void send({ type: 'startMeeting' });
  };

  return (
    <>
      <fieldset className="fieldset roles-form">
        <legend className="fieldset__legend">{t('controls.rolesTitle')}</legend>
        <div className="roles-form__fields">
          {state.agenda.map((part, i) => (
            <SelectField
              key={i}
              label={several ? t('controls.presenterFor', { name: part.routine.name }) : t('roles.presenter')}
              description={t('controls.presenterHint')}
              options={people}
              value={presenters[i] ?? fallback}
              onChange={(id) => {
                setPresenters((all) => all.with(i, id));
              }}
            />
          ))}
          <SelectField
            label={t('roles.timekeeper')}
            options={options}
            value={timekeeper}
            onChange={setTimekeeper}
          />
          <SelectField
            label={t('roles.noteTaker')}
            options={options}
            value={noteTaker}
            onChange={setNoteTaker}
          />
        </div>
        {withStart && pending.length > 0 ? (
          <p className="field__hint" data-testid="roles-pending">
            {t('controls.rolesPending')}
          </p>
        ) : null}
        <div>
          <Button variant="secondary" onPress={save} isDisabled={pending.length === 0}>
            {t('controls.assignRoles')}
          </Button>
        </div>
      </fieldset>
      {withStart ? (
        <div className="actions">
          <Button variant="primary" onPress={start}>
            {t('controls.startMeeting')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
