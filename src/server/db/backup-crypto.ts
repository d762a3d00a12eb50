// The encrypted envelope of a backup file (ADR 0011). The gzip'd NDJSON of backup-format.ts is cut into
// chunks of 64 KiB, each sealed with AES-256-GCM; nothing of it is released before its chunk's tag checks.
//
//   header (49 bytes, the additional authenticated data of every chunk):
//     magic "ENSBACKUP\0" (10) | envelope version (1) | scrypt log2 N (1) | r (1) | p (1) | salt (16)
//     | nonce prefix (7) | key check (12)
//   then chunks: flag (1: 0 = more follow, 1 = last) | plaintext length (4, big-endian) | ciphertext | tag (16)
//
// Keys: scrypt(operator's key, salt) gives 64 bytes: the first 32 are the AES key, the next 32 make the key
// check (an HMAC of a fixed label), so a wrong key is named as such before any chunk is opened. Nonce of a
// chunk: prefix (7) | chunk counter (4, big-endian) | flag (1); reordered, dropped or re-flagged chunks fail
// their tag, and a file that ends before a chunk flagged last is truncated.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { BackupFileError } from './backup-format';

const MAGIC = Buffer.from('ENSBACKUP\0', 'latin1');
const ENVELOPE_VERSION = 1;
const SALT_BYTES = 16;
const PREFIX_BYTES = 7;
const CHECK_BYTES = 12;
export const HEADER_BYTES = MAGIC.length + 1 + 3 + SALT_BYTES + PREFIX_BYTES + CHECK_BYTES;
const TAG_BYTES = 16;
const FRAME_BYTES = 5;
export const CHUNK_BYTES = 64 * 1024;
/** OWASP's scrypt parameters (N = 2^17, r = 8, p = 1): 128 MiB and about half a second per backup. */
const SCRYPT = { log2N: 17, r: 8, p: 1 };
/**
 * What a file may ask of us: more would let a crafted header exhaust memory or time. scrypt needs 128·N·r
 * bytes: these bounds keep it at 256 MiB at most (2^18 · 8, or 2^17 · 16).
 */
const SCRYPT_LIMITS = { log2N: 18, r: 16, p: 4, maxMemory: 256 * 1024 * 1024 };
const KEY_CHECK_LABEL = 'ensemble-backup key check v1';
/** The shortest key accepted: a passphrase of several words, or `openssl rand -base64 32` (44). */
export const MIN_KEY_LENGTH = 16;

/** The operator's backup key is missing or unusable (the CLI says how to supply one). */
export class BackupKeyError extends Error {
  override readonly name = 'BackupKeyError';
}

/** The key from `--key-file` (read by the caller) or `BACKUP_KEY`, as bytes; refuses a short one. */
export function backupKeyFrom(source: { keyFile?: Buffer | undefined; env?: string | undefined }): Buffer {
  let key: Buffer;
  if (source.keyFile !== undefined) {
    // A trailing newline from `echo` or an editor is not part of the key.
    let end = source.keyFile.length;
    while (end > 0 && (source.keyFile[end - 1] === 0x0a || source.keyFile[end - 1] === 0x0d)) end--;
    key = source.keyFile.subarray(0, end);
  } else if (source.env !== undefined && source.env !== '') {
    key = Buffer.from(source.env, 'utf8');
  } else {
    throw new BackupKeyError(
      'Backups are encrypted: supply the backup key with --key-file <path> or the BACKUP_KEY environment variable ' +
        '(for a new key: openssl rand -base64 32 > backup.key). Keep the key apart from the backups.',
    );
  }
  if (key.length < MIN_KEY_LENGTH) {
    throw new BackupKeyError(
      `The backup key is too short (${key.length} bytes; at least ${MIN_KEY_LENGTH}). Use a long passphrase or openssl rand -base64 32.`,
    );
  }
  return key;
}

function deriveKeys(
  secret: Buffer,
  salt: Buffer,
  params: { log2N: number; r: number; p: number },
): Promise<{ aes: Buffer; check: Buffer }> {
  const N = 2 ** params.log2N;
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    maxmem: 256 * N * params.r + 32 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 64, options, (error, derived) => {
      if (error) reject(error);
      else
        resolve({
          aes: derived.subarray(0, 32),
          check: createHmac('sha256', derived.subarray(32, 64))
            .update(KEY_CHECK_LABEL)
            .digest()
            .subarray(0, CHECK_BYTES),
        });
    });
  });
}

function nonce(prefix: Buffer, counter: number, last: boolean): Buffer {
  const iv = Buffer.alloc(12);
  prefix.copy(iv, 0);
  iv.writeUInt32BE(counter, PREFIX_BYTES);
  iv[11] = last ? 1 : 0;
  return iv;
}

/** A transform that seals what goes through it. Derives the file's key first (random salt). */
export async function createEncryptor(secret: Buffer): Promise<Transform> {
  const salt = randomBytes(SALT_BYTES);
  const prefix = randomBytes(PREFIX_BYTES);
  const keys = await deriveKeys(secret, salt, SCRYPT);
  const header = Buffer.concat([
    MAGIC,
    Buffer.from([ENVELOPE_VERSION, SCRYPT.log2N, SCRYPT.r, SCRYPT.p]),
    salt,
    prefix,
    keys.check,
  ]);
  let counter = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let headerSent = false;

  const seal = (plain: Buffer, last: boolean): Buffer => {
    if (counter > 0xffffffff) throw new Error('backup too large for one file');
    const cipher = createCipheriv('aes-256-gcm', keys.aes, nonce(prefix, counter++, last));
    cipher.setAAD(header);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const frame = Buffer.alloc(FRAME_BYTES);
    frame[0] = last ? 1 : 0;
    frame.writeUInt32BE(plain.length, 1);
    const out = Buffer.concat([headerSent ? Buffer.alloc(0) : header, frame, body, cipher.getAuthTag()]);
    headerSent = true;
    return out;
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        pending.push(chunk);
        pendingBytes += chunk.length;
        // Keep at least one byte back, so the chunk flagged last is never empty unless the whole input is.
        while (pendingBytes > CHUNK_BYTES) {
          const all = Buffer.concat(pending);
          this.push(seal(all.subarray(0, CHUNK_BYTES), false));
          pending = [all.subarray(CHUNK_BYTES)];
          pendingBytes = all.length - CHUNK_BYTES;
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        this.push(seal(Buffer.concat(pending), true));
        pending = [];
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

const damaged = (what: string) =>
  new BackupFileError(`${what}: the file was changed or damaged after it was written. Nothing was restored.`);

/**
 * A transform that opens a sealed file: the header is checked against the key, then each chunk's tag is
 * verified before its plaintext is passed on. Errors are BackupFileErrors with a message for the operator.
 */
export function createDecryptor(secret: Buffer): Transform {
  let buffered: Buffer = Buffer.alloc(0);
  let header: Buffer | null = null;
  let aes: Buffer | null = null;
  let prefix: Buffer | null = null;
  let counter = 0;
  let ended = false;

  const open = async (): Promise<void> => {
    const start = buffered.subarray(0, HEADER_BYTES);
    if (start.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b]))) {
      throw new BackupFileError(
        'this is an unencrypted backup from an earlier version of Ensemble. It cannot be authenticated, so it is ' +
          'refused. If you made it and kept it safe, restore it with the Ensemble version that wrote it, then ' +
          'make a new, encrypted backup.',
      );
    }
    if (!start.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new BackupFileError('this is not an Ensemble backup (no encrypted-backup header).');
    }
    let at = MAGIC.length;
    const version = start[at++];
    if (version !== ENVELOPE_VERSION)
      throw new BackupFileError(`encrypted backup version ${String(version)} is not supported.`);
    const params = { log2N: start[at++] ?? 0, r: start[at++] ?? 0, p: start[at++] ?? 0 };
    if (
      params.log2N < 10 ||
      params.log2N > SCRYPT_LIMITS.log2N ||
      params.r < 1 ||
      params.r > SCRYPT_LIMITS.r ||
      params.p < 1 ||
      params.p > SCRYPT_LIMITS.p ||
      128 * 2 ** params.log2N * params.r > SCRYPT_LIMITS.maxMemory
    ) {
      throw damaged('the header is not valid');
    }
    const salt = start.subarray(at, (at += SALT_BYTES));
    prefix = Buffer.from(start.subarray(at, (at += PREFIX_BYTES)));
    const check = start.subarray(at, (at += CHECK_BYTES));
    const keys = await deriveKeys(secret, salt, params);
    if (!timingSafeEqual(keys.check, check)) {
      throw new BackupFileError(
        'the backup key does not match this file (a different key made it, or its header was changed). Nothing was restored.',
      );
    }
    header = Buffer.from(start);
    aes = keys.aes;
    buffered = buffered.subarray(HEADER_BYTES);
  };

  /** Opens every complete chunk in the buffer. */
  const drain = (push: (b: Buffer) => void): void => {
    while (header && aes && prefix) {
      if (buffered.length === 0) return;
      if (ended) throw damaged('there is data after the last chunk');
      if (buffered.length < FRAME_BYTES) return;
      const flag = buffered[0];
      const length = buffered.readUInt32BE(1);
      if ((flag !== 0 && flag !== 1) || length > CHUNK_BYTES)
        throw damaged(`chunk ${counter + 1} is not valid`);
      const total = FRAME_BYTES + length + TAG_BYTES;
      if (buffered.length < total) return;
      const last = flag === 1;
      const decipher = createDecipheriv('aes-256-gcm', aes, nonce(prefix, counter, last));
      decipher.setAAD(header);
      decipher.setAuthTag(buffered.subarray(FRAME_BYTES + length, total));
      let plain: Buffer;
      try {
        plain = Buffer.concat([
          decipher.update(buffered.subarray(FRAME_BYTES, FRAME_BYTES + length)),
          decipher.final(),
        ]);
      } catch {
        throw damaged(`chunk ${counter + 1} does not authenticate`);
      }
      counter++;
      buffered = buffered.subarray(total);
      if (last) ended = true;
      push(plain);
    }
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      const push = (b: Buffer) => this.push(b);
      if (!header) {
        if (buffered.length < HEADER_BYTES) {
          callback();
          return;
        }
        open().then(
          () => {
            try {
              drain(push);
              callback();
            } catch (error) {
              callback(error as Error);
            }
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
        return;
      }
      try {
        drain(push);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      if (!header) {
        const gz = buffered.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b]));
        callback(
          gz
            ? new BackupFileError(
                'this is an unencrypted backup from an earlier version of Ensemble. It cannot be authenticated, so it is refused.',
              )
            : new BackupFileError(
                'the file is too short to be an Ensemble backup (it is truncated or empty).',
              ),
        );
        return;
      }
      if (!ended) {
        callback(
          new BackupFileError(
            `the file is truncated: it ends after chunk ${counter} without the last chunk. Nothing was restored.`,
          ),
        );
        return;
      }
      callback();
    },
  });
}
