/**
 * Test support: a real SMTP server (smtp-server on port 0, no TLS, no auth) whose answers a test steers, keeping
 * every message it accepted (raw, for mailparser) with its Message-ID.
 */
import { SMTPServer, type SMTPServerError } from 'smtp-server';

export interface Received {
  messageId: string;
  to: string;
  raw: Buffer;
}

/** A real SMTP server whose answers the test steers: `refuse(rcpt)` returns a reply code, or null to accept. */
export async function smtpServer(opts: {
  refuse?: (rcpt: string) => number | null;
  /** Called when a message's data begins; return true to never answer it (a hung delivery). */
  hang?: (messageId: string) => boolean;
}) {
  const accepted: Received[] = [];
  const refusals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // The hung delivery's connection is cut at close instead of awaited.
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      const code = opts.refuse?.(address.address) ?? null;
      if (code === null) {
        callback();
        return;
      }
      refusals.push(code);
      const err: SMTPServerError = new Error(code >= 500 ? 'No such user here' : 'Try again later');
      err.responseCode = code;
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString('utf8'))?.[1] ?? '';
        if (opts.hang?.(id)) return; // never answered: the sender waits, the message is not accepted
        accepted.push({ messageId: id, to: session.envelope.rcptTo[0]?.address ?? '', raw });
        callback(null, 'Queued');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    accepted,
    refusals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
