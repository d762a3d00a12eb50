import { createContext, useContext, type ReactNode } from 'react';
import type { MeetingCommandType } from '#contracts/meeting';
import type { MeetingSummary } from '#contracts/meetings-api';
import type { MeetingState } from '#core/meeting/index';
import type { NameOf } from '../people';
import type { CommandBody, CommandResult, MeetingClient, MeetingClientSnapshot } from './meeting-client';

/** What every part of a live meeting screen needs: the fold, who I am, what I may do, names, and `send`. */
export interface LiveMeeting {
  readonly client: MeetingClient;
  readonly snapshot: MeetingClientSnapshot;
  readonly state: MeetingState;
  readonly summary: MeetingSummary;
  readonly meId: string;
  /** From core `abilitiesFor`: the UI never re-derives who may do what. */
  readonly can: Readonly<Record<MeetingCommandType, boolean>>;
  readonly nameOf: NameOf;
  readonly send: (body: CommandBody) => Promise<CommandResult>;
}

const LiveMeetingContext = createContext<LiveMeeting | null>(null);

export function LiveMeetingProvider({ value, children }: { value: LiveMeeting; children: ReactNode }) {
  return <LiveMeetingContext.Provider value={value}>{children}</LiveMeetingContext.Provider>;
}

export function useLiveMeeting(): LiveMeeting {
  const live = useContext(LiveMeetingContext);
  if (!live) throw new Error('useLiveMeeting is only available inside <LiveMeetingProvider>');
  return live;
}
