import { readFileSync } from 'node:fs';
import Fastify, { type FastifyReply } from 'fastify';
import pg from 'pg';

/**
 * The baseline servers: a bare Fastify() (no plugins, no logger, no schemas) with one route at
 * the list endpoint's path. Run as a child process exactly like the real server, so throughput
 * and memory comparisons share one process model. Two modes:
 *
 * - payload (BENCH_PAYLOAD_FILE): answers the real response body, captured once, pre-serialized.
 *   The target's baseline: what the framework alone costs.
 * - query (BENCH_SQL_FILE + BENCH_DATABASE_URL): runs the repository's own SQL with pg (pool of
 *   10, like the app) and answers the rows as JSON. For information: what any database-backed
 *   endpoint costs here, so the rest of the gap is visibly ours.
 *
 * Environment: PORT, HOST, and the variables of one mode.
 */
const PAGE_SIZE = 25;
const JSON_TYPE = 'application/json; charset=utf-8';

type Respond = (reply: FastifyReply) => void;

function servePayload(file: string): Respond {
  const payload = readFileSync(file, 'utf8');
  return (reply) => {
    reply.type(JSON_TYPE).send(payload);
  };
}

function serveQuery(file: string, databaseUrl: string): Respond {
  const query: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (
    typeof query !== 'object' ||
    query === null ||
    !('text' in query) ||
    typeof query.text !== 'string' ||
    !('values' in query) ||
    !Array.isArray(query.values)
  ) {
    throw new Error(`${file} does not hold { text, values }`);
  }
  const { text, values } = query;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  return (reply) => {
    pool.query(text, values).then(
      (result) => {
        const body = JSON.stringify({ items: result.rows.slice(0, PAGE_SIZE), nextCursor: null });
        reply.type(JSON_TYPE).send(body);
      },
      (error: unknown) => {
        reply.status(500).send({ error: String(error) });
      },
    );
  };
}

const payloadFile = process.env.BENCH_PAYLOAD_FILE;
const sqlFile = process.env.BENCH_SQL_FILE;
const databaseUrl = process.env.BENCH_DATABASE_URL;
const respond = payloadFile
  ? servePayload(payloadFile)
  : sqlFile && databaseUrl
    ? serveQuery(sqlFile, databaseUrl)
    : null;
if (respond === null) {
  process.stderr.write(
    'bare-server needs BENCH_PAYLOAD_FILE, or BENCH_SQL_FILE and BENCH_DATABASE_URL\n',
  );
  process.exit(1);
}

const app = Fastify();
app.get('/api/v1/organisations', (_request, reply) => {
  respond(reply);
});
app.get('/readyz', () => ({ status: 'ok' }));

const close = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
