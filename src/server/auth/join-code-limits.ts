/**
 * TRUST-LIMIT-4: join codes are short, so guessing them is limited per client address (failures on unknown
 * codes), and a known code is limited per team (attempts to join by it per hour), whichever route is used.
 * Runs as a hook before the join-code routes, so the routes themselves stay about joining.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { api } from '#contracts/api';
import type { Db } from '../db/client';
import { joinCodes } from '../db/schema';
import { tooManyRequests } from '../http/errors';
import { JOIN_CODE_LIMITS, mayTryJoinCode, recordUnknownJoinCode, takeJoinCodeAttempt } from './throttle';

/** The same normalisation as the join routes: case, spaces and dashes do not matter. */
export const normaliseJoinCode = (raw: string) => raw.trim().toUpperCase().replace(/[\s-]/g, '');

async function liveTeamOf(db: Db, rawCode: string): Promise<string | null> {
  const code = normaliseJoinCode(rawCode);
  if (!code) return null;
  const [row] = await db
    .select({ groupId: joinCodes.groupId })
    .from(joinCodes)
    .where(and(eq(joinCodes.code, code), isNull(joinCodes.revokedAt), gt(joinCodes.expiresAt, new Date())))
    .limit(1);
  return row?.groupId ?? null;
}

function codeIn(value: unknown): string | null {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string'
    ? value.code
    : null;
}

function codeOf(req: FastifyRequest): { code: string; joining: boolean } | null {
  const route = req.routeOptions.url;
  const preview = route === api.previewJoinCode.path && req.method === 'GET';
  const joining = route === api.joinByCode.path && req.method === 'POST';
  const code = preview ? codeIn(req.params) : joining ? codeIn(req.body) : null;
  return code === null ? null : { code, joining };
}

const WAIT_SECONDS = JOIN_CODE_LIMITS.windowMs / 1000;

export async function limitJoinCodeAttempts(db: Db, req: FastifyRequest): Promise<void> {
  const attempt = codeOf(req);
  if (!attempt) return;
  if (!(await mayTryJoinCode(db, req.ip))) {
    throw tooManyRequests('Too many codes that did not work. Try again later.', WAIT_SECONDS);
  }
  const groupId = await liveTeamOf(db, attempt.code);
  if (!groupId) {
    await recordUnknownJoinCode(db, req.ip);
    return; // The route answers "unknown code" as usual.
  }
  if (attempt.joining && !(await takeJoinCodeAttempt(db, groupId))) {
    throw tooManyRequests(
      'This team’s code has been used too often in the last hour. Try again later.',
      WAIT_SECONDS,
    );
  }
}
