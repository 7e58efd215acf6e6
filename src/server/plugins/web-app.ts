import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from './error-handler.ts';

/** Paths that never fall back to the web app: unknown API routes answer JSON 404s. */
const SERVER_PATHS = /^\/(api|healthz|readyz|metrics)(\/|$|\?)/;

function wantsWebPage(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !SERVER_PATHS.test(request.url) &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .send(errorBody('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
}

/**
 * Serves the built web app (vite build → dist/web). Hashed assets are cached for a year;
 * index.html never, so a deploy shows at once. Client routes (e.g. /organisations) fall back to
 * index.html, where the client router takes over.
 */
export const webAppPlugin = fp(
  async (app: FastifyInstance, options: { distDir: string }) => {
    const indexFile = path.join(options.distDir, 'index.html');
    if (!existsSync(indexFile)) {
      app.log.warn(`web app not built (${indexFile} missing): run "npm run build:web"`);
      app.setNotFoundHandler((request, reply) => {
        if (wantsWebPage(request)) {
          return reply
            .status(503)
            .type('text/plain')
            .send('The web app is not built. Run "npm run build:web" (npm start does it).');
        }
        return sendRouteNotFound(request, reply);
      });
      return;
    }
    await app.register(fastifyStatic, {
      root: options.distDir,
      wildcard: false,
      index: false,
      setHeaders: (reply, filePath) => {
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
    const sendIndex = (_request: FastifyRequest, reply: FastifyReply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html');
    app.get('/', { schema: { hide: true } }, sendIndex);
    app.setNotFoundHandler((request, reply) => {
      if (wantsWebPage(request)) {
        return sendIndex(request, reply);
      }
      return sendRouteNotFound(request, reply);
    });
  },
  { name: 'web-app' },
);
