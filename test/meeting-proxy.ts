/**
 * A TCP proxy on 127.0.0.1 whose "network" can be cut, for MEET-OFFLINE-1. While cut, nothing passes in either
 * direction and nobody is told: bytes are dropped, closes are not forwarded, new connections are accepted and
 * left hanging (like SYNs into a dead link). Both ends find out only by their own timeouts (Socket.IO's ping
 * timeout), as on a real cut. On restore, the connections that lived through the cut are reset (their ends
 * gave up on them long ago) and new connections pass again. The server is never touched.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

interface Pair {
  client: Socket;
  upstream: Socket | null;
  /** Lived through a cut: reset on restore, never forwarded again. */
  dead: boolean;
}

export interface ProxyStats {
  connections: number;
  /** Connections opened while the network was cut (reconnection attempts that hung). */
  hungDuringCut: number;
  droppedBytes: number;
}

export class CuttableProxy {
  private readonly pairs = new Set<Pair>();
  private isCut = false;
  readonly stats: ProxyStats = { connections: 0, hungDuringCut: 0, droppedBytes: 0 };

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly targetPort: number,
  ) {}

  static async start(targetPort: number): Promise<CuttableProxy> {
    let proxy: CuttableProxy | null = null;
    const server = createServer((client) => proxy?.accept(client));
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const addr = server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : 0);
      });
    });
    proxy = new CuttableProxy(server, port, targetPort);
    return proxy;
  }

  get cut(): boolean {
    return this.isCut;
  }

  private accept(client: Socket): void {
    this.stats.connections++;
    const pair: Pair = { client, upstream: null, dead: this.isCut };
    this.pairs.add(pair);
    const forget = () => {
      this.pairs.delete(pair);
    };
    client.on('error', () => undefined);
    client.on('close', forget);
    if (pair.dead) {
      this.stats.hungDuringCut++;
      client.on('data', (d: Buffer) => {
        this.stats.droppedBytes += d.length;
      });
      return;
    }
    const upstream = connect({ host: '127.0.0.1', port: this.targetPort });
    pair.upstream = upstream;
    upstream.on('error', () => undefined);
    const relay = (from: Socket, to: Socket) => {
      from.on('data', (d: Buffer) => {
        if (pair.dead) this.stats.droppedBytes += d.length;
        else to.write(d);
      });
      from.on('end', () => {
        if (!pair.dead) to.end();
      });
      from.on('close', () => {
        if (!pair.dead) to.destroy();
      });
    };
    relay(client, upstream);
    relay(upstream, client);
  }

  /** Cuts the network: every connection goes silent in both directions. */
  cutNetwork(): void {
    this.isCut = true;
    for (const pair of this.pairs) pair.dead = true;
  }

  /** Restores it: connections that lived through the cut are reset, new ones pass. */
  restoreNetwork(): void {
    this.isCut = false;
    for (const pair of [...this.pairs]) {
      if (!pair.dead) continue;
      pair.client.resetAndDestroy();
      pair.upstream?.resetAndDestroy();
      this.pairs.delete(pair);
    }
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream?.destroy();
    }
    this.pairs.clear();
    await new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }
}
