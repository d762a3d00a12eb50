import type { FastifyRequest } from 'fastify';
import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { Mailer } from './mail/mailer';

/** What every feature plugin receives: built once in `buildApp`, shared by all routes. */
export interface Services {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  /** Absolute link for emails: PUBLIC_URL when set, else this server on localhost. */
  link(path: string, req?: FastifyRequest): string;
}
