import type { FastifyRequest } from 'fastify';
import type { ShippedOrganization } from '#contracts/organizations';
import type { AccessCache } from './auth/access-cache';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { Mailer } from './mail/mailer';
import type { Routine } from '#contracts/routine';
import type { Instrument } from '#contracts/instrument';
import type { MeetingRuntime } from './meetings/runtime';
import type { CommittedEvents } from './meetings/committed';

/**
 * Ends live access when access changes (issue 9 item 2). Implemented by the realtime adapter; every call is
 * fire-and-forget and safe before the realtime server exists. Call it after the change has committed.
 */
export interface AccessEvents {
  /** One session ended (sign-out): the sockets opened with it close. */
  sessionEnded(sessionId: string): void;
  /**
   * A person's access changed (sign-out everywhere, password reset, deactivation, role change, removal from a
   * team): their sockets close, and a client that reconnects must pass the policy again.
   */
  personChanged(districtId: string, userId: string): void;
}

/** What every feature plugin receives: built once in `buildApp`, shared by all routes. */
export interface Services {
  config: Config;
  database: Database;
  db: Db;
  /**
   * CAP-API-3 (ADR 0045): the feed of access and team changes from PostgreSQL, which reads kept in memory sit on
   * (null when the app was built without it: every read goes to the database).
   */
  accessFeed: AccessCache | null;
  mailer: Mailer;
  /** Ensemble's routines from protocols/*.yaml, validated at start. */
  routines: ReadonlyMap<string, Routine>;
  /** Ensemble's survey instruments from instruments/*.yaml, validated at start (MEASURE-INST). */
  instruments: ReadonlyMap<string, Instrument>;
  /** Professional organizations from directory/*.yaml, validated at start (issue 14, NET-ORG-1). */
  directory: readonly ShippedOrganization[];
  /** MATCH-SPACE-2: the colleague exchange's matching job; `kick` asks for a round soon. */
  colleagueMatching: { kick(): void };
  meetings: MeetingRuntime;
  /** MEM-HOOK-1: read models of meetings listen here for batches of events after their commit. */
  committed: CommittedEvents;
  access: AccessEvents;
  /** Absolute link for emails: PUBLIC_URL when set, else this server on localhost. */
  link(path: string, req?: FastifyRequest): string;
}
