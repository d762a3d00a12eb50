/**
 * The baseline of `bench:api`: a bare Fastify hello-world (the same Fastify as the app, no plugins, no database),
 * run as its own process like the app. `GET /` answers `{"hello":"world"}`. Prints `listening <port>` when ready.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', () => ({ hello: 'world' }));
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening ${new URL(address).port}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
