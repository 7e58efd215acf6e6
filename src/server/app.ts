import { randomBytes } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DEFAULT_PROTEST_CLOCK_SETTINGS } from '../domain/protests/protest-clock.ts';
import { DEFAULT_MEMBERSHIP_CLOCK_SETTINGS } from '../domain/registry/lifecycle/membership-clocks.ts';
import { unconfiguredPilot } from '../domain/registry/lifecycle/pilot-configuration.ts';
import type { Clock } from '../domain/time/clock.ts';
import { DEFAULT_VALIDATION_RESPONSE_DAYS } from '../domain/validations/response-deadline.ts';
import { DEFAULT_VALIDATION_NOTICE_SETTINGS } from '../domain/validations/validation-notice.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { criteriaRoutes } from './modules/criteria/criteria.routes.ts';
import { evidenceRoutes } from './modules/evidence/evidence.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { accountsRoutes } from './modules/identity/accounts.routes.ts';
import { apiTokensRoutes } from './modules/identity/api-tokens.routes.ts';
import { invitationsRoutes } from './modules/identity/invitations.routes.ts';
import { mfaRoutes } from './modules/identity/mfa.routes.ts';
import { oidcRoutes, oidcStatusRoutes } from './modules/identity/oidc.routes.ts';
import { sessionsRoutes } from './modules/identity/sessions.routes.ts';
import { usersRoutes } from './modules/identity/users.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { organisationsRoutes } from './modules/organisations/organisations.routes.ts';
import { protestReviewRoutes } from './modules/protests/protest-review.routes.ts';
import { configureProtestClocks } from './modules/protests/protest-view.service.ts';
import { protestsRoutes } from './modules/protests/protests.routes.ts';
import { companyProfileRoutes } from './modules/registry/company-profile.routes.ts';
import { mutualRecognitionRoutes } from './modules/registry/mutual-recognition.routes.ts';
import { pilotRoutes } from './modules/registry/pilot.routes.ts';
import { registryRoutes } from './modules/registry/registry.routes.ts';
import { statusVerificationRoutes } from './modules/registry/status-verification.routes.ts';
import { tradeComplianceRoutes } from './modules/registry/trade-compliance.routes.ts';
import { annualReviewRoutes } from './modules/security-profile/annual-review.routes.ts';
import { profileExportRoutes } from './modules/security-profile/profile-export.routes.ts';
import { profileReviewRoutes } from './modules/security-profile/profile-review.routes.ts';
import { securityProfileRoutes } from './modules/security-profile/security-profile.routes.ts';
import { validationDocumentsRoutes } from './modules/validations/validation-documents.routes.ts';
import { validationMetricsRoutes } from './modules/validations/validation-metrics.routes.ts';
import { validationPlanningRoutes } from './modules/validations/validation-planning.routes.ts';
import { validationResponsesRoutes } from './modules/validations/validation-responses.routes.ts';
import { validationWorkRoutes } from './modules/validations/validation-work.routes.ts';
import { validationsRoutes } from './modules/validations/validations.routes.ts';
import { authenticationPlugin } from './plugins/authentication.ts';
import { authorizationPlugin } from './plugins/authorization.ts';
import { errorHandlerPlugin } from './plugins/error-handler.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { openApiPlugin } from './plugins/openapi.ts';
import { requestContextPlugin, requestIdFrom } from './plugins/request-context.ts';
import { webAppPlugin } from './plugins/web-app.ts';
import type { Runtime } from './runtime.ts';
import { deriveKeys } from './security/secret-key.ts';
import { systemClock } from './system-clock.ts';

export const APP_VERSION = '0.1.0';

export interface BuildAppOptions {
  config: Pick<Config, 'logLevel' | 'logPretty' | 'webDistDir' | 'nodeEnv'> &
    Partial<
      Pick<
        Config,
        | 'session'
        | 'publicUrl'
        | 'mail'
        | 'trustProxy'
        | 'oidc'
        | 'pilot'
        | 'membershipClocks'
        | 'protestClocks'
        | 'validationResponseDays'
        | 'validationNotice'
      >
    >;
  database: DatabaseHandle;
  /** The deployment secret; keys derive from it. A random one when absent (tests). */
  secretKey?: Buffer;
  clock?: Clock;
  /** Where log lines go instead of stdout (tests capture them). */
  logStream?: { write(line: string): void };
  /** Tests only: accept an OpenID Connect issuer on http://127.0.0.1 or http://localhost. */
  oidcAllowInsecureLoopbackIssuer?: boolean;
}

/**
 * Values that must never reach a log line, wherever someone logs them: credentials in headers
 * and anything called password, token or secret. The request serializer already logs no
 * headers; this is the second line of defence.
 */
const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  'password',
  'token',
  'secret',
];

export function loggerOptions(
  config: BuildAppOptions['config'],
  stream?: BuildAppOptions['logStream'],
): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    serializers: {
      // Method, path and client only: query strings may carry one-time tokens, headers carry
      // credentials.
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
        remoteAddress: request.ip,
      }),
    },
    ...(stream ? { stream } : {}),
    ...(config.logPretty && !stream
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
}

/**
 * Builds the whole application without listening: main.ts listens, tests use app.inject().
 * Order matters: cross-cutting plugins first, then API modules, then the web app (which owns
 * the not-found handler).
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const config = options.config;
  const runtime: Runtime = {
    keys: deriveKeys(options.secretKey ?? randomBytes(32)),
    session: config.session ?? { idleMinutes: 30, absoluteHours: 12, cookieSecure: false },
    publicUrl: config.publicUrl ?? 'http://localhost:3000',
    mail: config.mail ?? { smtpUrl: null, from: 'OpenCTPAT <no-reply@localhost>' },
    oidc: config.oidc ?? null,
    pilot: config.pilot ?? unconfiguredPilot(),
    membershipClocks: config.membershipClocks ?? DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
    validationResponseDays: config.validationResponseDays ?? DEFAULT_VALIDATION_RESPONSE_DAYS,
    validationNotice: config.validationNotice ?? DEFAULT_VALIDATION_NOTICE_SETTINGS,
  };
  // Deployment-wide, read by the protest list and view builders (protest-view.service.ts).
  configureProtestClocks(config.protestClocks ?? DEFAULT_PROTEST_CLOCK_SETTINGS);
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    trustProxy: config.trustProxy ?? false,
    genReqId: requestIdFrom,
    // Bodies above 1 MiB are refused (413); uploads get their own limits in their modules.
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // USWDS icons and the Swagger UI use data: URIs for small images.
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': null,
      },
    },
    // HSTS belongs to the TLS-terminating proxy; sending it over plain HTTP on localhost would
    // pin browsers to HTTPS for a development host.
    strictTransportSecurity: false,
  });
  await app.register(errorHandlerPlugin);
  await app.register(requestContextPlugin, { db: options.database.db, clock, runtime });
  // Per-route limits (sign-in, resets, invitations) declare config.rateLimit; nothing global.
  await app.register(rateLimit, { global: false });
  await app.register(authenticationPlugin, { db: options.database.db, clock, runtime });
  await app.register(authorizationPlugin);
  await app.register(metricsPlugin);
  await app.register(openApiPlugin, { version: APP_VERSION });

  await app.register(healthRoutes, { pingDatabase: () => options.database.ping() });
  await app.register(organisationsRoutes, { prefix: '/api/v1' });
  await app.register(sessionsRoutes, { prefix: '/api/v1' });
  await app.register(oidcStatusRoutes, { prefix: '/api/v1' });
  if (runtime.oidc) {
    await app.register(oidcRoutes, {
      prefix: '/api/v1',
      settings: runtime.oidc,
      publicUrl: runtime.publicUrl,
      allowInsecureLoopbackIssuer: options.oidcAllowInsecureLoopbackIssuer === true,
    });
  }
  await app.register(accountsRoutes, { prefix: '/api/v1' });
  await app.register(invitationsRoutes, { prefix: '/api/v1' });
  await app.register(usersRoutes, { prefix: '/api/v1' });
  await app.register(mfaRoutes, { prefix: '/api/v1' });
  await app.register(notificationsRoutes, { prefix: '/api/v1' });
  await app.register(apiTokensRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  await app.register(criteriaRoutes, { prefix: '/api/v1' });
  await app.register(registryRoutes, { prefix: '/api/v1' });
  await app.register(pilotRoutes, { prefix: '/api/v1' });
  await app.register(mutualRecognitionRoutes, { prefix: '/api/v1' });
  await app.register(tradeComplianceRoutes, { prefix: '/api/v1' });
  await app.register(statusVerificationRoutes, { prefix: '/api/v1' });
  await app.register(companyProfileRoutes, { prefix: '/api/v1' });
  await app.register(evidenceRoutes, { prefix: '/api/v1' });
  await app.register(securityProfileRoutes, { prefix: '/api/v1' });
  await app.register(profileExportRoutes, { prefix: '/api/v1' });
  await app.register(annualReviewRoutes, { prefix: '/api/v1' });
  await app.register(profileReviewRoutes, { prefix: '/api/v1' });
  await app.register(protestsRoutes, { prefix: '/api/v1' });
  await app.register(protestReviewRoutes, { prefix: '/api/v1' });
  await app.register(validationWorkRoutes, { prefix: '/api/v1' });
  await app.register(validationMetricsRoutes, { prefix: '/api/v1' });
  await app.register(validationPlanningRoutes, { prefix: '/api/v1' });
  await app.register(validationsRoutes, { prefix: '/api/v1' });
  await app.register(validationResponsesRoutes, { prefix: '/api/v1' });
  await app.register(validationDocumentsRoutes, { prefix: '/api/v1' });

  await app.register(webAppPlugin, { distDir: options.config.webDistDir });
  return app;
}
