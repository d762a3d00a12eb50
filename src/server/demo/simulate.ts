/**
 * Simulated colleagues for a practice meeting (DAY-DEMO-5), demo mode only. They come online a few seconds
 * apart (presence), then in each step a handful of them act at a human pace: question cards, note suggestions,
 * a shared reflection, the presenter's story, next steps and source tags (script.ts). Every action is a
 * `MeetingCommand` parsed with the contract and run through the same `MeetingRuntime.execute` as a person's
 * socket command, so the core's `decide` accepts or refuses it and the room sees ordinary events.
 *
 * A run lives on the server: it goes on when the visitor closes the tab, and stops when the meeting ends or
 * after `maxRunMs`. It is only ever constructed by `buildApp` when the configuration is a demo.
 */
import { randomUUID } from 'node:crypto';
import { MeetingCommand } from '#contracts/meeting';
import type { MeetingState } from '#core/meeting/index';
import type { CommandResult } from '../meetings/runtime';
import { planStep, shareCommand, type PlannedAction } from './script';

export interface SimulatedColleague {
  readonly userId: string;
  readonly name: string;
}

export interface SimulatorPace {
  /** When each colleague comes online after the start of the run (each drawn in this range, staggered). */
  readonly arriveMs: readonly [number, number];
  /** From a step's start to its first action. */
  readonly firstMs: readonly [number, number];
  /** Between two actions of a step. */
  readonly gapMs: readonly [number, number];
  readonly tickMs: number;
  /** A run stops after this long whatever happens (a meeting nobody ends). */
  readonly maxRunMs: number;
}

/** A few seconds apart, as people type. */
export const HUMAN_PACE: SimulatorPace = {
  arriveMs: [800, 4_000],
  firstMs: [2_000, 4_000],
  gapMs: [3_000, 6_000],
  tickMs: 500,
  maxRunMs: 45 * 60_000,
};

/** At most this many practice meetings run at once on a node; a new one beyond it stops the oldest. */
export const MAX_RUNS = 20;

export interface SimulatorDeps {
  runtime: {
    execute(meetingId: string, districtId: string, command: MeetingCommand): Promise<CommandResult>;
    stateOf(meetingId: string, districtId: string): Promise<MeetingState>;
  };
  /** Who is online changed for this meeting (the realtime adapter re-sends presence). */
  presenceChanged(meetingId: string): void;
  /** Unexpected failures (never command text). */
  onError?: (err: unknown, what: string) => void;
  pace?: SimulatorPace;
  now?: () => number;
  random?: () => number;
}

interface Run {
  readonly meetingId: string;
  readonly districtId: string;
  readonly colleagues: readonly SimulatedColleague[];
  readonly startedAt: number;
  readonly arrivals: ReadonlyMap<string, number>;
  readonly present: Set<string>;
  /** The step the queue was planned for (`null` outside a running step). */
  stepKey: string | null;
  queue: { at: number; action: PlannedAction }[];
  busy: boolean;
  timer: NodeJS.Timeout;
}

export class DemoSimulator {
  private readonly runs = new Map<string, Run>();
  private readonly pace: SimulatorPace;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly deps: SimulatorDeps) {
    this.pace = deps.pace ?? HUMAN_PACE;
    this.now = deps.now ?? (() => Date.now());
    this.random = deps.random ?? Math.random;
  }

  private between([min, max]: readonly [number, number]): number {
    return min + Math.floor(this.random() * Math.max(0, max - min));
  }

  /** Starts simulated colleagues in a meeting (a second call for the same meeting does nothing). */
  start(meetingId: string, districtId: string, colleagues: readonly SimulatedColleague[]): void {
    if (this.runs.has(meetingId)) return;
    while (this.runs.size >= MAX_RUNS) {
      const oldest = this.runs.keys().next().value;
      if (oldest === undefined) break;
      this.stop(oldest);
    }
    const startedAt = this.now();
    let at = startedAt;
    const arrivals = new Map<string, number>();
    for (const c of colleagues) {
      at += this.between(this.pace.arriveMs);
      arrivals.set(c.userId, at);
    }
    const run: Run = {
      meetingId,
      districtId,
      colleagues,
      startedAt,
      arrivals,
      present: new Set(),
      stepKey: null,
      queue: [],
      busy: false,
      timer: setInterval(() => {
        void this.tick(run);
      }, this.pace.tickMs),
    };
    run.timer.unref();
    this.runs.set(meetingId, run);
  }

  isRunning(meetingId: string): boolean {
    return this.runs.has(meetingId);
  }

  /** The simulated colleagues online in this meeting now (merged into the meeting's presence). */
  presentIn(meetingId: string): SimulatedColleague[] {
    const run = this.runs.get(meetingId);
    return run ? run.colleagues.filter((c) => run.present.has(c.userId)) : [];
  }

  stop(meetingId: string): void {
    const run = this.runs.get(meetingId);
    if (!run) return;
    clearInterval(run.timer);
    this.runs.delete(meetingId);
    if (run.present.size) this.deps.presenceChanged(meetingId);
  }

  stopAll(): void {
    for (const id of [...this.runs.keys()]) this.stop(id);
  }

  /** One beat of a run: arrivals, then (re)planning on a new step, then at most one due action. Never throws. */
  private async tick(run: Run): Promise<void> {
    if (run.busy || this.runs.get(run.meetingId) !== run) return;
    run.busy = true;
    try {
      const now = this.now();
      let arrived = false;
      for (const [userId, at] of run.arrivals) {
        if (at <= now && !run.present.has(userId)) {
          run.present.add(userId);
          arrived = true;
        }
      }
      if (arrived) this.deps.presenceChanged(run.meetingId);

      const state = await this.deps.runtime.stateOf(run.meetingId, run.districtId);
      if (state.phase === 'ended' || now - run.startedAt > this.pace.maxRunMs) {
        this.stop(run.meetingId);
        return;
      }
      const key =
        state.phase === 'running' && state.currentStepIndex !== null
          ? `${state.currentStepIndex}:${state.steps[state.currentStepIndex]?.stepId ?? ''}`
          : null;
      if (key !== run.stepKey) {
        run.stepKey = key;
        const online = run.colleagues.map((c) => c.userId).filter((id) => run.present.has(id));
        let at = now + this.between(this.pace.firstMs);
        run.queue = [];
        for (const action of key ? planStep(state, online, now, this.random) : []) {
          run.queue.push({ at, action });
          at += this.between(this.pace.gapMs);
        }
      }
      const due = run.queue[0];
      if (!due || due.at > now) return;
      run.queue.shift();
      const body =
        'command' in due.action ? due.action.command : shareCommand(state, due.action.shareReflectionOf);
      if (!body) return;
      // The same parse as a socket command (the actor is the colleague, as the session would make it).
      const command = MeetingCommand.safeParse({
        ...body,
        actorId: due.action.actorId,
        idempotencyKey: randomUUID(),
      });
      if (!command.success) {
        this.deps.onError?.(new Error('a simulated command did not parse'), 'demo simulator');
        return;
      }
      // A refusal (the step moved on, a limit) is simply not acted on, as a person would shrug it off.
      await this.deps.runtime.execute(run.meetingId, run.districtId, command.data);
    } catch (err) {
      this.deps.onError?.(err, 'demo simulator');
    } finally {
      run.busy = false;
    }
  }
}
