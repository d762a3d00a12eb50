/**
 * Token buckets for the live socket (TRUST-RT-LIMIT-1): per socket and per person, in this node's memory (a
 * person with sockets on two nodes gets each node's allowance; the connection cap is per node too).
 */

export interface BucketRule {
  /** Tokens a full bucket holds: the burst allowed after a quiet spell. */
  readonly burst: number;
  /** Tokens added per second. */
  readonly perSecond: number;
}

/** How much one socket and one person may send. A meeting's legitimate use stays far below these. */
export const RATE_LIMITS = {
  /** A join costs a catch-up page (up to 500 events to encode); a paged catch-up takes a few in a row. */
  join: { socket: { burst: 5, perSecond: 10 }, person: { burst: 20, perSecond: 20 } },
  /**
   * A person's commands share their meeting's queue with everyone else's: a burst of 10 costs the others at most
   * a few commits of waiting. The web client sends one command at a time and follows `retryAfterMs`.
   */
  command: { socket: { burst: 10, perSecond: 5 }, person: { burst: 20, perSecond: 10 } },
  ping: { socket: { burst: 10, perSecond: 1 }, person: { burst: 40, perSecond: 4 } },
  /**
   * Watching a team's meetings (DAY-TEAM-1): one per team page, again after a reconnect. Each costs a database
   * read, so it is held to about a join's rate.
   */
  watch: { socket: { burst: 5, perSecond: 2 }, person: { burst: 20, perSecond: 10 } },
  /** Leave and unknown event names. */
  other: { socket: { burst: 40, perSecond: 20 }, person: { burst: 80, perSecond: 40 } },
} as const satisfies Record<string, { socket: BucketRule; person: BucketRule }>;

export type LimitedAction = keyof typeof RATE_LIMITS;

/** Sockets one person may hold open on one node (tabs, devices, a projector). */
export const CONNECTIONS_PER_PERSON = 20;

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Takes one token: 0 when allowed, else the milliseconds until a token will be there. */
  take(key: string, rule: BucketRule): number {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: rule.burst, at: now };
    b.tokens = Math.min(rule.burst, b.tokens + ((now - b.at) / 1000) * rule.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) / rule.perSecond) * 1000);
  }

  /** A closed socket's buckets go at once. */
  forgetSocket(socketId: string): void {
    for (const action of Object.keys(RATE_LIMITS)) this.buckets.delete(`s:${socketId}:${action}`);
  }

  /** Drops buckets untouched for `idleMs` (they would be full again by now). */
  prune(idleMs: number): void {
    const now = this.now();
    for (const [key, b] of this.buckets) if (now - b.at > idleMs) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** Both buckets must have a token; returns 0 or how long to wait. The socket's bucket is asked first. */
export function takeToken(
  buckets: TokenBuckets,
  action: LimitedAction,
  socketId: string,
  userId: string,
): number {
  const rules = RATE_LIMITS[action];
  const bySocket = buckets.take(`s:${socketId}:${action}`, rules.socket);
  if (bySocket > 0) return bySocket;
  return buckets.take(`u:${userId}:${action}`, rules.person);
}
