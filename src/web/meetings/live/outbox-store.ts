/**
 * Where a MeetingClient keeps the commands it has not had acknowledged yet, so that leaving the meeting page,
 * a reload or a closed tab does not lose them (LIVE-CLIENT-15). One entry per (meeting, signed-in person) in
 * `localStorage`; each command keeps its idempotency key, so sending it again after a partial send is safe
 * (the server applies a key once, MEET-CONTENT-7).
 *
 * - Write-through: `add` on issue, `remove` on an ack or a refusal. Each write reads the stored list first and
 *   changes only its own entry, so two tabs of the same meeting (device view and projector) never erase each
 *   other's commands.
 * - Capped (entries and characters): a command that does not fit stays in memory only, and `add` says so.
 * - Anything stored that is not an envelope we wrote is cleared; an entry that no longer parses as a command
 *   (say, after an app update changed the contract) is dropped on load. Nothing here ever throws: storage that
 *   is missing, full or blocked (private windows, policies) turns persistence off, not the meeting.
 * - Private reflection text never reaches storage (TRUST-DEVICE-WEB-1): a `writeReflection` command is kept in
 *   memory only (`add` answers false, as for a command over the cap), so a reload or a closed tab loses it
 *   and the reflection box says so while offline. Chosen over encrypting it: a key that survives a reload
 *   (a non-extractable CryptoKey in IndexedDB) would let the next person on a shared device decrypt it with
 *   the same app, and a key kept in memory is lost on reload just the same. One stored by an earlier version
 *   is dropped on load.
 */
import { z } from '#contracts/zod';
import { MeetingCommand, type ClientMeetingCommand } from '#contracts/meeting';

/** The part of the Web Storage API the store needs (tests pass a Map-backed one). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface StoredCommand {
  readonly key: string;
  readonly command: ClientMeetingCommand;
  readonly issuedAt: number;
}

export interface OutboxStore {
  /** The stored commands, oldest first, each checked with the command contract. */
  load(): StoredCommand[];
  /** Stores one more command; false when it was not stored (over the cap, or storage failed). */
  add(entry: StoredCommand): boolean;
  /** Forgets a command (acknowledged or refused). */
  remove(key: string): void;
}

export const OUTBOX_LIMITS = {
  /** Commands kept per meeting and person. */
  entries: 200,
  /** Characters of the stored JSON (localStorage holds about 5 million per site, for every key together). */
  chars: 1_000_000,
} as const;

const STORAGE_PREFIX = 'ensemble.meetings.outbox.v1';

/** Commands whose text is private to its author: never written to storage (TRUST-DEVICE-WEB-1). */
const MEMORY_ONLY: ReadonlySet<string> = new Set(['writeReflection']);
export const isMemoryOnly = (command: { type: string }): boolean => MEMORY_ONLY.has(command.type);
export const outboxStorageKey = (meetingId: string, userId: string) =>
  `${STORAGE_PREFIX}:${meetingId}:${userId}`;

const Envelope = z.object({ v: z.literal(1), entries: z.array(z.unknown()) });
const Entry = z.object({
  key: z.string(),
  command: z.record(z.string(), z.unknown()),
  issuedAt: z.number(),
});

/** `localStorage`, or null where there is none or touching it throws (blocked storage, a Node test). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function localOutboxStore(
  storage: StorageLike,
  meetingId: string,
  userId: string,
  limits: { entries: number; chars: number } = OUTBOX_LIMITS,
): OutboxStore {
  const storageKey = outboxStorageKey(meetingId, userId);

  /** The stored entries as written (unchecked beyond the envelope); null when what is there is not ours. */
  const read = (): unknown[] | null => {
    let raw: string | null;
    try {
      raw = storage.getItem(storageKey);
    } catch {
      return [];
    }
    if (raw === null) return [];
    try {
      const parsed = Envelope.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data.entries : null;
    } catch {
      return null;
    }
  };

  /** Writes the list (removes the key when it is empty); false when storage refused it. */
  const write = (entries: readonly unknown[]): boolean => {
    try {
      if (entries.length === 0) storage.removeItem(storageKey);
      else storage.setItem(storageKey, JSON.stringify({ v: 1, entries }));
      return true;
    } catch {
      return false;
    }
  };

  const keyOf = (entry: unknown): string | undefined => Entry.safeParse(entry).data?.key;

  /** A stored entry as a command this app can send, or null. */
  const check = (entry: unknown): StoredCommand | null => {
    const shape = Entry.safeParse(entry);
    if (!shape.success) return null;
    const { key, command, issuedAt } = shape.data;
    // The contract's own check, with the actor the server will put in (it never comes from storage).
    const { actorId: _ignored, ...body } = command;
    const parsed = MeetingCommand.safeParse({ ...body, actorId: userId });
    if (!parsed.success || parsed.data.idempotencyKey !== key || isMemoryOnly(parsed.data)) return null;
    return { key, command: body as ClientMeetingCommand, issuedAt };
  };

  return {
    load() {
      const stored = read();
      if (stored === null) {
        write([]);
        return [];
      }
      const valid: StoredCommand[] = [];
      const seen = new Set<string>();
      for (const entry of stored) {
        const command = check(entry);
        if (command && !seen.has(command.key)) {
          seen.add(command.key);
          valid.push(command);
        }
      }
      if (valid.length !== stored.length) write(valid);
      return valid;
    },

    add(entry) {
      if (isMemoryOnly(entry.command)) return false;
      const stored = read() ?? [];
      if (stored.some((e) => keyOf(e) === entry.key)) return true;
      if (stored.length >= limits.entries) return false;
      const next = [...stored, entry];
      if (JSON.stringify({ v: 1, entries: next }).length > limits.chars) return false;
      return write(next);
    },

    remove(key) {
      const stored = read();
      if (stored === null) {
        write([]);
        return;
      }
      const next = stored.filter((e) => keyOf(e) !== key);
      if (next.length !== stored.length) write(next);
    },
  };
}

/** Whether anything waits in this browser for this meeting and person (cheap: no parsing). */
export function hasStoredCommands(storage: StorageLike | null, meetingId: string, userId: string): boolean {
  try {
    return storage?.getItem(outboxStorageKey(meetingId, userId)) != null;
  } catch {
    return false;
  }
}

/**
 * Forgets every stored outbox on this device. Called on sign-out: a school Chromebook passes from hand to hand,
 * and a queued private reflection must not stay behind for the next person (it is lost, not sent later).
 */
export function forgetAllOutboxes(storage: Pick<Storage, 'length' | 'key' | 'removeItem'> | null): void {
  forgetOutboxesExcept(storage, null);
}

/**
 * Forgets every stored outbox on this device except the signed-in person's own (TRUST-DEVICE-WEB-2). Called at
 * sign-in: whoever used the device before and did not sign out (a closed lid, an expired session) leaves no
 * queue for the next person to see or send. `keepUserId` null forgets them all.
 */
export function forgetOutboxesExcept(
  storage: Pick<Storage, 'length' | 'key' | 'removeItem'> | null,
  keepUserId: string | null,
): void {
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(`${STORAGE_PREFIX}:`)) continue;
      if (keepUserId !== null && key.endsWith(`:${keepUserId}`)) continue;
      keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Blocked storage holds nothing of ours.
  }
}
