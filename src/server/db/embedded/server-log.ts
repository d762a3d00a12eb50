import { createWriteStream, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * The output of initdb and postgres: appended to `<dataDir>/postgres.log`, and the last lines kept in
 * memory so a failure can say why without the user digging for the file.
 */
export class ServerLog {
  private readonly recent: string[] = [];
  private readonly file: WriteStream;

  constructor(
    readonly path: string,
    private readonly keepLines = 50,
  ) {
    this.file = createWriteStream(path, { flags: 'a', mode: 0o600 });
    // A full disk or an unwritable log must not crash the app; the in-memory tail still works.
    this.file.on('error', () => undefined);
  }

  /** Copies a child's stdout or stderr into the log, line by line. */
  follow(stream: Readable): void {
    const decoder = new StringDecoder('utf8');
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      this.file.write(chunk);
      const lines = (partial + decoder.write(chunk)).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.remember(line);
    });
    stream.on('end', () => {
      const rest = partial + decoder.end();
      if (rest !== '') this.remember(rest);
      partial = '';
    });
    stream.on('error', () => undefined);
  }

  /** Our own notes (recovery steps, start attempts) go into the same file, so it tells the whole story. */
  note(message: string): void {
    const line = `${new Date().toISOString()} [ensemble] ${message}`;
    this.file.write(`${line}\n`);
    this.remember(line);
  }

  tail(lines = this.keepLines): string[] {
    return this.recent.slice(-lines);
  }

  close(): Promise<void> {
    return new Promise((done) => {
      this.file.end(done);
    });
  }

  private remember(line: string): void {
    this.recent.push(line);
    if (this.recent.length > this.keepLines) this.recent.splice(0, this.recent.length - this.keepLines);
  }
}
