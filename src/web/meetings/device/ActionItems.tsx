import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingCommandType } from '#contracts/meeting';
import type { ActionItem, MeetingState } from '#core/meeting/index';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { NativeInputField } from '../../ui/NativeInputField';
import { formatDueDate } from '../format';
import { useMeetingsT } from '../i18n';
import { announce } from '../../ui/announcer';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import { MeetingIcon } from '../MeetingIcon';
import { FoldOnPhone } from './FoldOnPhone';

/**
 * Next steps: what, who (someone on the roster) and, if the team wants, by when. In the final step it answers
 * the "next steps" prompt; elsewhere it sits folded in the side column, for ideas that come up early.
 */
export function ActionItems({
  collapsed = false,
  prompt,
}: {
  collapsed?: boolean;
  prompt?: string | undefined;
}) {
  const t = useMeetingsT();
  const { state, can } = useLiveMeeting();
  const items = state.actionItems;
  const body = (
    <>
      {prompt ? <p className="section__prompt">{prompt}</p> : null}
      {items.length === 0 ? (
        <p className="muted">{t('actions.empty')}</p>
      ) : (
        <ul className="card-list" data-testid="action-items">
          {items.map((item) => (
            <ActionItemRow key={item.id} item={item} />
          ))}
        </ul>
      )}
      {!can.addActionItem ? null : collapsed ? (
        <AddActionItemForm />
      ) : (
        // In the final step, after the team's answers so far (DAY-DEVICE-4).
        <FoldOnPhone summary={t('actions.addForm')}>
          <AddActionItemForm />
        </FoldOnPhone>
      )}
    </>
  );
  if (collapsed) {
    return (
      <details className="panel disclosure">
        <summary className="disclosure__summary">
          {t('actions.title')} <span className="section__count">({items.length})</span>
        </summary>
        <div className="stack disclosure__body">{body}</div>
      </details>
    );
  }
  return (
    <section className="panel stack" aria-labelledby="actions-heading">
      <h2 id="actions-heading" className="section__title">
        {t('actions.title')} <span className="section__count">({items.length})</span>
      </h2>
      {body}
    </section>
  );
}

/**
 * Whether `meId` may mark the item done now: `abilitiesFor` says whether the command fits the phase and the
 * person (running, or after the end: MEET-CONTENT-3); the item's own rule is the owner, who added it, or the
 * facilitator (as decide.ts checks it).
 */
export function mayCompleteActionItem(
  state: Pick<MeetingState, 'roles'>,
  can: Readonly<Record<MeetingCommandType, boolean>>,
  meId: string,
  item: ActionItem,
): boolean {
  return (
    can.completeActionItem &&
    item.completedAt === null &&
    (item.ownerId === meId || item.createdBy === meId || state.roles.facilitator === meId)
  );
}

function ActionItemRow({ item }: { item: ActionItem }) {
  const t = useMeetingsT();
  const { i18n } = useTranslation();
  const { state, meId, can, nameOf, send } = useLiveMeeting();
  const done = item.completedAt !== null;
  const mayComplete = mayCompleteActionItem(state, can, meId, item);
  const owner = nameOf(item.ownerId);
  return (
    <li className={done ? 'action-item action-item--done' : 'action-item'}>
      <p className="action-item__text">{item.text}</p>
      <p className="action-item__meta">
        {item.due
          ? t('actions.ownerDue', { owner, due: formatDueDate(item.due, i18n.language) })
          : t('actions.ownerOnly', { owner })}
      </p>
      {done ? (
        <p className="action-item__status">
          <MeetingIcon name="check" />
          <span>{t('actions.done')}</span>
        </p>
      ) : null}
      {mayComplete ? (
        <div>
          <Button
            variant="quiet"
            aria-label={t('actions.completeLabel', { text: item.text })}
            onPress={() => void send({ type: 'completeActionItem', itemId: item.id })}
          >
            {t('actions.complete')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function AddActionItemForm() {
  const t = useMeetingsT();
  const { state, meId, nameOf, send } = useLiveMeeting();
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState(meId);
  const [due, setDue] = useState('');
  const options = state.memberIds.map((id) => ({
    id,
    label: id === meId ? `${nameOf(id)} ${t('common.you')}` : nameOf(id),
  }));

  const add = async () => {
    const what = text.trim();
    if (what === '') return;
    setText('');
    const result = await send({ type: 'addActionItem', text: what, ownerId, due: due === '' ? null : due });
    if (result.ok) {
      setDue('');
      announce(t('actions.added'));
    } else {
      setText(what);
    }
  };

  return (
    <form
      className="stack action-form"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <TextField label={t('actions.text')} value={text} onChange={setText} maxLength={500} />
      <div className="action-form__row">
        <SelectField label={t('actions.owner')} options={options} value={ownerId} onChange={setOwnerId} />
        <NativeInputField
          id="action-due"
          label={`${t('actions.due')} ${t('common.optional')}`}
          type="date"
          value={due}
          onChange={setDue}
        />
      </div>
      <div>
        <Button type="submit" variant="secondary" isDisabled={text.trim() === ''}>
          {t('actions.add')}
        </Button>
      </div>
    </form>
  );
}
