/**
 * ROSTER-LIMIT-*: a OneRoster set's files, from a folder or a zip, with caps that hold before anything large is
 * read. The zip is read with yauzl (ADR 0039): entries whose names escape the folder or are absolute are refused by
 * yauzl itself; symlinks, encrypted entries and entries over the cap (declared or actually inflated) are refused
 * here. Only the `.csv` files at the top of the set (or of its one top folder) are kept.
 */
import { createReadStream } from 'node:fs';
import { readdir, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { RosterProblem } from '#contracts/roster';

/** ROSTER-LIMIT-2: the largest CSV file of a set, and of all its files together (bytes, uncompressed). */
export const ROSTER_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const ROSTER_SET_MAX_BYTES = 60 * 1024 * 1024;
/** A set has at most this many entries (OneRoster 1.2 names 20 files). */
const MAX_ENTRIES = 100;

export type RosterFiles = Map<string, Uint8Array>;
export type FilesOrProblems = { ok: true; files: RosterFiles } | { ok: false; problems: RosterProblem[] };

const refuse = (file: string, message: string): FilesOrProblems => ({
  ok: false,
  problems: [{ severity: 'error', file, line: null, message }],
});
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const tooLarge = (file: string) =>
  refuse(file, `is larger than ${MB(ROSTER_FILE_MAX_BYTES)}, the most a roster file may be`);

/** Reads a stream up to `max` bytes; null as soon as it goes over (the rest is never read). */
async function readCapped(stream: Readable, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    if (!(chunk instanceof Buffer)) throw new Error('unexpected stream chunk');
    size += chunk.length;
    if (size > max) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The file name a zip entry stands for, or null when it is not a top-level CSV (a folder, another file). */
function csvName(entryName: string, top: string | null): string | null {
  const parts = entryName.split('/');
  const rest = top !== null && parts[0] === top ? parts.slice(1) : parts;
  if (rest.length !== 1) return null;
  const name = rest[0] ?? '';
  return name.toLowerCase().endsWith('.csv') ? name : null;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** ROSTER-LIMIT-3: a zip's CSV files, or the problem that refuses it. */
export async function filesFromZip(bytes: Buffer, zipName = 'roster.zip'): Promise<FilesOrProblems> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, strictFileNames: true });
  } catch (err) {
    return refuse(zipName, `is not a zip file (${err instanceof Error ? err.message : 'unreadable'})`);
  }
  const files: RosterFiles = new Map();
  let total = 0;
  let count = 0;
  try {
    const entries: yauzl.Entry[] = [];
    for await (const entry of zip.eachEntry()) {
      if (++count > MAX_ENTRIES) return refuse(zipName, `has more than ${MAX_ENTRIES} entries`);
      entries.push(entry);
    }
    // One top folder holding everything (a zipped export folder) is looked into.
    const firsts = new Set(entries.map((e) => e.fileName.split('/')[0]));
    const nested = entries.every((e) => e.fileName.includes('/'));
    const top = nested && firsts.size === 1 ? ([...firsts][0] ?? null) : null;
    for (const entry of entries) {
      const name = entry.fileName;
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK)
        return refuse(name, 'is a symbolic link: a roster zip holds plain files only');
      if (name.endsWith('/')) continue;
      const original = csvName(name, top);
      if (original === null) continue;
      const file = original.toLowerCase();
      if (entry.isEncrypted()) return refuse(file, 'is encrypted: zip the files without a password');
      if (entry.uncompressedSize > ROSTER_FILE_MAX_BYTES) return tooLarge(file);
      if (files.has(file)) return refuse(file, 'appears twice in the zip');
      // validateEntrySizes (on by default) stops a stream that inflates past its declared size.
      const data = await readCapped(await zip.openReadStreamPromise(entry), ROSTER_FILE_MAX_BYTES);
      if (data === null) return tooLarge(file);
      total += data.length;
      if (total > ROSTER_SET_MAX_BYTES)
        return refuse(zipName, `holds more than ${MB(ROSTER_SET_MAX_BYTES)} of roster files`);
      files.set(file, new Uint8Array(data));
    }
  } catch (err) {
    // yauzl's refusals: a name with `..`, an absolute path or a backslash, a size that lies, a broken entry.
    return refuse(zipName, `cannot be read safely: ${err instanceof Error ? err.message : 'unreadable'}`);
  } finally {
    zip.close();
  }
  return { ok: true, files };
}

/** ROSTER-LIMIT-2: a folder's CSV files (not its sub-folders; symlinks refused), each read up to the cap. */
export async function filesFromFolder(dir: string): Promise<FilesOrProblems> {
  const files: RosterFiles = new Map();
  let total = 0;
  for (const name of (await readdir(dir)).sort()) {
    if (!name.toLowerCase().endsWith('.csv')) continue;
    const path = join(dir, name);
    const file = name.toLowerCase();
    const stat = await lstat(path);
    if (stat.isSymbolicLink())
      return refuse(file, 'is a symbolic link: a roster folder holds plain files only');
    if (!stat.isFile()) continue;
    if (stat.size > ROSTER_FILE_MAX_BYTES) return tooLarge(file);
    const data = await readCapped(createReadStream(path), ROSTER_FILE_MAX_BYTES);
    if (data === null) return tooLarge(file);
    total += data.length;
    if (total > ROSTER_SET_MAX_BYTES)
      return refuse(dir, `holds more than ${MB(ROSTER_SET_MAX_BYTES)} of roster files`);
    if (files.has(file)) return refuse(file, 'appears twice in the folder (names differing only in case)');
    files.set(file, new Uint8Array(data));
  }
  return { ok: true, files };
}
