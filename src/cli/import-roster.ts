/**
 * ROSTER-CLI-1: `ensemble import-roster <dir-or-zip> [--district <id-or-name>] [--dry-run]`. Reads the set, prints
 * the preview (counts, changes, problems as `file:line: message`), and without --dry-run commits it in one
 * transaction. Exit 0 on success; 1 with the errors' `file:line: message` lines on stderr, the database unchanged.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import { ROSTER_ZIP_MAX_BYTES } from '#contracts/roster';
import type { Config } from '#server/config';
import type { Db } from '#server/db/client';
import { districts } from '#server/db/schema';
import { filesFromFolder, filesFromZip, type FilesOrProblems } from '#server/roster/files';
import { commitRoster, formatProblem, previewRoster } from '#server/roster/import';
import { openDatabase, type RuntimeLog } from '#server/runtime/database';

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

async function readSet(path: string): Promise<FilesOrProblems> {
  const info = await stat(path);
  if (info.isDirectory()) return filesFromFolder(path);
  if (info.size > ROSTER_ZIP_MAX_BYTES)
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          file: basename(path),
          line: null,
          message: `is larger than ${ROSTER_ZIP_MAX_BYTES / 1024 / 1024} MB, the most a roster zip may be`,
        },
      ],
    };
  return filesFromZip(await readFile(path), basename(path));
}

async function districtOf(db: Db, wanted: string | undefined): Promise<{ id: string } | string> {
  const all = await db
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .where(eq(districts.kind, 'district'));
  if (wanted !== undefined) {
    const found = all.find((d) => d.id === wanted || d.name === wanted);
    return found ?? `no district with the id or name "${wanted}"`;
  }
  if (all.length === 1 && all[0]) return all[0];
  return all.length
    ? `several districts exist: name one with --district (${all.map((d) => `${d.id} ${d.name}`).join(', ')})`
    : 'no district yet: run the first setup or create-admin first';
}

/** Returns the exit code. */
export async function importRosterCommand(
  config: Config,
  log: RuntimeLog,
  io: CliOutput,
  path: string,
  opts: { district?: string; dryRun?: boolean },
): Promise<number> {
  const read = await readSet(path);
  if (!read.ok) {
    for (const p of read.problems) io.err(formatProblem(p));
    return 1;
  }
  const opened = await openDatabase(config, log, { attachToRunning: true });
  try {
    const { db } = opened.database;
    const district = await districtOf(db, opts.district);
    if (typeof district === 'string') {
      io.err(`error: ${district}`);
      return 1;
    }
    const preview = await previewRoster(db, district.id, read.files);
    const { counts } = preview.result;
    io.out(
      `OneRoster ${preview.version} ${preview.mode}: ${counts.schoolsAdded} schools to add, ${counts.schoolsUpdated} to update; ` +
        `${counts.peopleAdded} staff to add, ${counts.peopleUpdated} to update, ${counts.peopleDeactivated} to deactivate; ` +
        `${counts.learnersSkipped} students and family members skipped`,
    );
    for (const c of preview.result.changes)
      io.out(`${c.action} ${c.kind} ${c.sourcedId}: ${c.label}${c.detail ? ` (${c.detail})` : ''}`);
    for (const p of preview.result.problems.filter((x) => x.severity === 'warning')) io.err(formatProblem(p));
    if (!preview.ok) {
      for (const p of preview.result.problems.filter((x) => x.severity === 'error')) io.err(formatProblem(p));
      return 1;
    }
    if (opts.dryRun) {
      io.out('dry run: nothing changed');
      return 0;
    }
    // The command line previews and commits in one go; the commit computes the plan again under the lock.
    const outcome = await commitRoster(db, {
      districtId: district.id,
      actorId: null,
      files: read.files,
      planHash: preview.planHash,
      from: 'cli',
    });
    if (outcome.status === 'refused') {
      for (const p of outcome.problems) io.err(formatProblem(p));
      return 1;
    }
    if (outcome.status === 'changed') {
      io.err('error: the district changed while importing: run the import again');
      return 1;
    }
    io.out('committed');
    return 0;
  } finally {
    await opened.close();
  }
}
