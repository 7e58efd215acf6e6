import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasPermission, type Permission } from '../../domain/authorization/permissions.ts';
import { AppError } from '../../domain/errors/error-codes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The permission a route requires (check 1 of 3). `null` marks a deliberately public route.
     * Every /api/v1 route must say which: a route that forgets fails at start-up.
     */
    permission?: Permission | null;
  }
  interface FastifyInstance {
    /** Every /api/v1 route with the permission it requires: the authorization matrix reads it. */
    apiRoutePermissions: ApiRoutePermission[];
  }
}

export interface ApiRoutePermission {
  method: string;
  url: string;
  permission: Permission | null;
}

const API_PREFIX = '/api/v1/';

/**
 * Check 1 of the three authorization checks (architecture.md): the route's permission, before
 * the handler runs. Checks 2 (record) and 3 (tenant scope) live in services and repositories.
 */
export const authorizationPlugin = fp(
  async (app: FastifyInstance) => {
    const routes: ApiRoutePermission[] = [];
    app.decorate('apiRoutePermissions', routes);
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith(API_PREFIX)) {
        return;
      }
      const permission = route.config?.permission;
      if (permission === undefined) {
        throw new Error(
          `Route ${route.method} ${route.url} declares no permission: set config.permission ` +
            '(or null for a deliberately public route).',
        );
      }
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') {
          routes.push({ method, url: route.url, permission });
        }
      }
    });
    // preValidation, not preHandler: the permission is checked before the body is validated, so
    // a caller without the right learns nothing about what the route expects.
    app.addHook('preValidation', async (request) => {
      const permission = request.routeOptions.config.permission;
      if (permission && !hasPermission(request.actor, permission)) {
        const actor = request.actor;
        if (actor.kind === 'anonymous') {
          throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
        }
        if (
          actor.kind === 'user' &&
          (actor.mfa === 'verification_required' || actor.mfa === 'enrolment_required')
        ) {
          throw new AppError(
            'MFA_REQUIRED',
            actor.mfa === 'enrolment_required'
              ? 'Set up two-step verification before continuing'
              : 'Enter the code from your authenticator app before continuing',
            { mfa: actor.mfa },
          );
        }
        throw new AppError('FORBIDDEN', `This requires the permission ${permission}`);
      }
    });
  },
  { name: 'authorization', dependencies: ['request-context', 'authentication'] },
);
