/**
 * MEM-HOOK-1: features that keep a read model of meetings (team memory, the search index) hear of every batch of
 * events after it has committed, on the node that committed it. A listener is idempotent (it may run again for the
 * same events, and a read repairs what a crash between commit and listener missed), never throws past its promise,
 * and logs no event content.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { MeetingEvent } from '#contracts/meeting';

export interface CommittedBatch {
  districtId: string;
  meetingId: string;
  events: readonly MeetingEvent[];
  /**
   * Whether the meeting has ended as of this batch, when the committer knows it (the runtime does, ADR 0047);
   * absent: a listener that needs it reads it.
   */
  ended?: boolean;
}
export type CommittedListener = (batch: CommittedBatch) => Promise<void>;

export class CommittedEvents {
  private readonly listeners: CommittedListener[] = [];
  /** Work started by `emit` and not yet settled (tests and shutdown wait for it). */
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly log: FastifyBaseLogger) {}

  on(listener: CommittedListener): void {
    this.listeners.push(listener);
  }

  emit(batch: CommittedBatch): void {
    for (const listener of this.listeners) {
      const run = listener(batch).catch((error: unknown) => {
        this.log.error(
          { meetingId: batch.meetingId, err: error instanceof Error ? error.name : 'unknown' },
          'a read model of meetings failed to update',
        );
      });
      this.pending.add(run);
      void run.finally(() => this.pending.delete(run));
    }
  }

  /** Resolves when every listener started so far has settled. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
