import type { FastifyRequest } from 'fastify';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { Mailer } from './mail/mailer';
import type { Routine } from '#contracts/routine';
import type { MeetingRuntime } from './meetings/runtime';

/** What every feature plugin receives: built once in `buildApp`, shared by all routes. */
export interface Services {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  /** Ensemble's routines from protocols/*.yaml, validated at start. */
  routines: ReadonlyMap<string, Routine>;
  meetings: MeetingRuntime;
  /** Absolute link for emails: PUBLIC_URL when set, else this server on localhost. */
  link(path: string, req?: FastifyRequest): string;
}
