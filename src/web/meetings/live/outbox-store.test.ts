/** The outbox kept in `localStorage` (LIVE-CLIENT-15): write-through, checked on load, capped, never throwing. */
import { describe, expect, it, test } from 'vitest';
import { ANA, BEN } from '#core/meeting/testing';
import type { CommandBody } from './meeting-client';
import {
  forgetAllOutboxes,
  forgetOutboxesExcept,
  localOutboxStore,
  outboxStorageKey,
  type StorageLike,
  type StoredCommand,
} from './outbox-store';

const MEETING = '00000000-0000-4000-8000-0000000000f1';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  failWrites = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

let counter = 0;
function entry(command: CommandBody = { type: 'startTimer' }): StoredCommand {
  counter += 1;
  const key = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return { key, command: { ...command, idempotencyKey: key }, issuedAt: 1_000 + counter };
}

describe('outbox store', () => {
  test('LIVE-CLIENT-15 write-through: added commands load again in order; removed ones are gone; empty clears the key', () => {
    const storage = new MemoryStorage();
    const store = localOutboxStore(storage, MEETING, ANA);
    const [a, b, c] = [entry(), entry({ type: 'extendStep', minutes: 2 }), entry({ type: 'pauseTimer' })];
    expect([a, b, c].map((e) => store.add(e))).toEqual([true, true, true]);
    expect(localOutboxStore(storage, MEETING, ANA).load()).toEqual([a, b, c]);
    store.remove(b.key);
    expect(localOutboxStore(storage, MEETING, ANA).load()).toEqual([a, c]);
    store.remove(a.key);
    store.remove(c.key);
    expect(storage.items.size).toBe(0);
  });

  test('LIVE-CLIENT-15 two pages of one meeting (device view and projector) never erase each other’s commands', () => {
    const storage = new MemoryStorage();
    const device = localOutboxStore(storage, MEETING, ANA);
    const projector = localOutboxStore(storage, MEETING, ANA);
    const [a, b] = [entry(), entry({ type: 'pauseTimer' })];
    device.add(a);
    projector.add(b);
    device.remove(a.key);
    expect(localOutboxStore(storage, MEETING, ANA).load()).toEqual([b]);
  });

  test('LIVE-CLIENT-15 kept per meeting and person', () => {
    const storage = new MemoryStorage();
    const a = entry();
    localOutboxStore(storage, MEETING, ANA).add(a);
    expect(localOutboxStore(storage, MEETING, BEN).load()).toEqual([]);
    expect(localOutboxStore(storage, '00000000-0000-4000-8000-0000000000f2', ANA).load()).toEqual([]);
    expect([...storage.items.keys()]).toEqual([outboxStorageKey(MEETING, ANA)]);
  });

  test('LIVE-CLIENT-15 corrupt storage is cleared; entries that are not valid commands are dropped, the rest kept', () => {
    const storage = new MemoryStorage();
    const key = outboxStorageKey(MEETING, ANA);
    for (const junk of ['{not json', '[]', '{"v":2,"entries":[]}', 'null', '"text"']) {
      storage.setItem(key, junk);
      expect(localOutboxStore(storage, MEETING, ANA).load()).toEqual([]);
      expect(storage.getItem(key)).toBeNull();
    }
    const good = entry({ type: 'suggestNote', stepId: 'observe', text: 'Keep me' });
    const mismatched = { ...entry(), key: 'another-key' };
    const notACommand = { key: 'x', command: { type: 'launchRockets', idempotencyKey: 'x' }, issuedAt: 1 };
    const tooLong = entry({ type: 'flagQuestion', questionId: 'q', flagged: true, reason: 'x'.repeat(201) });
    const withActor = { ...good, command: { ...good.command, actorId: BEN } };
    storage.setItem(
      key,
      JSON.stringify({ v: 1, entries: [mismatched, withActor, notACommand, 42, tooLong, good] }),
    );
    // The stored actor is never trusted (the server sets it anyway) and a repeated key is kept once.
    expect(localOutboxStore(storage, MEETING, ANA).load()).toEqual([good]);
    expect(JSON.parse(storage.getItem(key) ?? '')).toEqual({ v: 1, entries: [good] });
  });

  test('LIVE-CLIENT-15 capped by entries and characters: what does not fit is not stored, and add says so', () => {
    const storage = new MemoryStorage();
    const store = localOutboxStore(storage, MEETING, ANA, { entries: 2, chars: 100_000 });
    expect([entry(), entry(), entry()].map((e) => store.add(e))).toEqual([true, true, false]);
    expect(store.load()).toHaveLength(2);

    const small = localOutboxStore(new MemoryStorage(), MEETING, ANA, { entries: 200, chars: 400 });
    expect(small.add(entry())).toBe(true);
    expect(small.add(entry({ type: 'suggestNote', stepId: 'observe', text: 'y'.repeat(500) }))).toBe(false);
    expect(small.load()).toHaveLength(1);
  });

  test('LIVE-CLIENT-15 storage that refuses writes or reads turns persistence off without throwing', () => {
    const full = new MemoryStorage();
    full.failWrites = true;
    const store = localOutboxStore(full, MEETING, ANA);
    expect(store.add(entry())).toBe(false);
    expect(() => {
      store.remove('nothing');
    }).not.toThrow();
    const blocked: StorageLike = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(localOutboxStore(blocked, MEETING, ANA).load()).toEqual([]);
    expect(localOutboxStore(blocked, MEETING, ANA).add(entry())).toBe(false);
  });
});

describe('forgetAllOutboxes', () => {
  it('LIVE-CLIENT-16: signing out forgets every stored outbox on the device, and nothing else', () => {
    const map = new Map<string, string>([
      [outboxStorageKey('m1', 'u1'), '{"v":1,"entries":[]}'],
      [outboxStorageKey('m2', 'u2'), '{"v":1,"entries":[]}'],
      ['ensemble.theme', 'dark'],
    ]);
    const storage = {
      get length() {
        return map.size;
      },
      key: (i: number) => [...map.keys()][i] ?? null,
      removeItem: (k: string) => {
        map.delete(k);
      },
    };
    forgetAllOutboxes(storage);
    expect([...map.keys()]).toEqual(['ensemble.theme']);
    expect(() => {
      forgetAllOutboxes(null);
    }).not.toThrow();
  });
});

describe('shared devices (TRUST-DEVICE-WEB)', () => {
  test('TRUST-DEVICE-WEB-1: a private reflection is never written to storage; other commands still are', () => {
    const storage = new MemoryStorage();
    const store = localOutboxStore(storage, MEETING, ANA);
    const reflection = entry({
      type: 'writeReflection',
      stepId: 'observe',
      text: 'PRIVATE-REFLECTION-MARKER',
    });
    const note = entry({ type: 'suggestNote', stepId: 'observe', text: 'a shared note' });
    expect(store.add(reflection)).toBe(false);
    expect(store.add(note)).toBe(true);
    expect([...storage.items.values()].join('\n')).not.toContain('PRIVATE-REFLECTION-MARKER');
    expect(store.load().map((e) => e.key)).toEqual([note.key]);
  });

  test('TRUST-DEVICE-WEB-1: a private reflection stored by an earlier version is dropped on load, unread', () => {
    const storage = new MemoryStorage();
    const reflection = entry({ type: 'writeReflection', stepId: 'observe', text: 'OLD-PRIVATE-MARKER' });
    const note = entry({ type: 'suggestNote', stepId: 'observe', text: 'kept' });
    storage.setItem(outboxStorageKey(MEETING, ANA), JSON.stringify({ v: 1, entries: [reflection, note] }));
    expect(
      localOutboxStore(storage, MEETING, ANA)
        .load()
        .map((e) => e.key),
    ).toEqual([note.key]);
    expect(storage.getItem(outboxStorageKey(MEETING, ANA))).not.toContain('OLD-PRIVATE-MARKER');
  });

  test("TRUST-DEVICE-WEB-2: signing in forgets the stored queues of everyone else, and keeps one's own", () => {
    const map = new Map<string, string>([
      [outboxStorageKey('m1', ANA), '{"v":1,"entries":[]}'],
      [outboxStorageKey('m2', BEN), '{"v":1,"entries":[]}'],
      [outboxStorageKey('m3', BEN), '{"v":1,"entries":[]}'],
      ['ensemble.theme', 'dark'],
    ]);
    const storage = {
      get length() {
        return map.size;
      },
      key: (i: number) => [...map.keys()][i] ?? null,
      removeItem: (k: string) => {
        map.delete(k);
      },
    };
    forgetOutboxesExcept(storage, ANA);
    expect([...map.keys()].sort()).toEqual([outboxStorageKey('m1', ANA), 'ensemble.theme'].sort());
  });
});
