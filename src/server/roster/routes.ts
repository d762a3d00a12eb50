/**
 * ROSTER-*: the OneRoster import's routes (district admins): preview a zip, commit the previewed plan. Thin: the
 * zip's files (`files.ts`), the plan and commit (`import.ts`), the preview (`presenter.ts`).
 */
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import { ROSTER_ZIP_MAX_BYTES } from '#contracts/roster';
import { badRequest, conflict, HttpError } from '../http/errors';
import { languageOf } from '../http/language';
import { registerEndpoint } from '../http/route';
import { authorize } from '../policy/policy';
import type { Services } from '../services';
import { filesFromZip } from './files';
import { commitRoster, formatProblem, previewRoster } from './import';
import { presentPreview } from './presenter';

/** The zip in base64 and the JSON around it. */
export const ROSTER_BODY_LIMIT = Math.ceil(ROSTER_ZIP_MAX_BYTES / 3) * 4 + 4096;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const LIMITS = { bodyLimit: ROSTER_BODY_LIMIT, rateLimit: { max: 20, timeWindow: 60_000 } };

async function zipFiles(base64: string) {
  if (!BASE64.test(base64))
    throw badRequest('The upload is not a zip file.', [{ path: 'zip', message: 'Not base64' }]);
  const read = await filesFromZip(Buffer.from(base64, 'base64'));
  if (!read.ok) {
    const message = read.problems.map(formatProblem).join('\n');
    throw badRequest(message, [{ path: 'zip', message }]);
  }
  return read.files;
}

export function registerRosterRoutes(app: FastifyInstance, s: Services) {
  const district = (districtId: string) => ({ kind: 'district' as const, id: districtId, districtId });

  registerEndpoint(
    app,
    api.previewRoster,
    async ({ actor, body, req }) => {
      authorize(actor, 'import-roster', district(actor.districtId));
      return presentPreview(
        await previewRoster(s.db, actor.districtId, await zipFiles(body.zip)),
        languageOf(req),
      );
    },
    LIMITS,
  );

  registerEndpoint(
    app,
    api.commitRoster,
    async ({ actor, body, req }) => {
      authorize(actor, 'import-roster', district(actor.districtId));
      const files = await zipFiles(body.zip);
      const outcome = await commitRoster(s.db, {
        districtId: actor.districtId,
        actorId: actor.userId,
        files,
        planHash: body.planHash,
        from: req,
      });
      if (outcome.status === 'refused')
        throw new HttpError(400, 'roster_refused', outcome.problems.map(formatProblem).join('\n'));
      if (outcome.status === 'changed')
        throw conflict('The roster or the district changed since the preview: preview the import again.');
      // Deactivated people lose their sockets at once; changed roles reach open pages (TRUST-REVOKE-4, -5).
      for (const userId of [...outcome.deactivated, ...outcome.changed])
        s.access.personChanged(actor.districtId, userId);
      return { counts: outcome.counts };
    },
    LIMITS,
  );
}
