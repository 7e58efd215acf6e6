import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MfaCodeBodySchema,
  MfaStatusSchema,
  MfaVerifyBodySchema,
  RecoveryCodesSchema,
  TotpEnrolmentSchema,
} from '../../../domain/accounts/mfa.schema.ts';
import { SessionViewSchema } from '../../../domain/accounts/session.schema.ts';
import { ErrorResponseSchema } from '../../../domain/errors/error-response.schema.ts';
import {
  confirmTotpEnrolment,
  describeMfa,
  disableTotp,
  regenerateRecoveryCodes,
  startTotpEnrolment,
  verifySecondFactor,
} from './mfa.service.ts';
import { describeSessionToken } from './sessions.service.ts';

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  409: ErrorResponseSchema,
};

/**
 * Every route that checks a code is limited per client address, on top of the per-session
 * count of wrong codes (after ten the session is revoked).
 */
export const MFA_CODE_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };
const limited = { 429: ErrorResponseSchema };

export const mfaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/account/mfa',
    {
      config: { permission: 'mfa:enrol' },
      schema: {
        tags: ['mfa'],
        summary: 'Whether two-step verification is on, and how many recovery codes are left',
        response: { 200: MfaStatusSchema, ...errors },
      },
    },
    (request) => describeMfa(request.serviceContext()),
  );

  app.post(
    '/account/mfa/totp',
    {
      config: { permission: 'mfa:enrol' },
      schema: {
        tags: ['mfa'],
        summary: 'Start (or restart) setting up an authenticator app: a new secret and QR code',
        response: { 200: TotpEnrolmentSchema, ...errors },
      },
    },
    (request) => startTotpEnrolment(request.serviceContext()),
  );

  app.post(
    '/account/mfa/totp/confirm',
    {
      config: { permission: 'mfa:enrol', rateLimit: MFA_CODE_RATE_LIMIT },
      schema: {
        tags: ['mfa'],
        summary: 'Finish the set-up with the first code; returns the recovery codes, once',
        body: MfaCodeBodySchema,
        response: { 200: RecoveryCodesSchema, ...limited, ...errors },
      },
    },
    (request) => confirmTotpEnrolment(request.serviceContext(), request.body),
  );

  app.delete(
    '/account/mfa/totp',
    {
      config: { permission: 'account:manage', rateLimit: MFA_CODE_RATE_LIMIT },
      schema: {
        tags: ['mfa'],
        summary: 'Turn two-step verification off (not allowed for roles that require it)',
        body: MfaCodeBodySchema,
        response: { 204: z.null(), ...limited, ...errors },
      },
    },
    async (request, reply) => {
      await disableTotp(request.serviceContext(), request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/account/mfa/recovery-codes',
    {
      config: { permission: 'account:manage', rateLimit: MFA_CODE_RATE_LIMIT },
      schema: {
        tags: ['mfa'],
        summary: 'Replace the recovery codes with a new set, returned once',
        body: MfaCodeBodySchema,
        response: { 200: RecoveryCodesSchema, ...limited, ...errors },
      },
    },
    (request) => regenerateRecoveryCodes(request.serviceContext(), request.body),
  );

  app.post(
    '/auth/mfa/verify',
    {
      // Open to any session: one awaiting its code holds no permission at all.
      config: { permission: null, rateLimit: MFA_CODE_RATE_LIMIT },
      schema: {
        tags: ['mfa'],
        summary: 'Second sign-in step: a code from the app, or one recovery code',
        body: MfaVerifyBodySchema,
        response: { 200: SessionViewSchema, ...limited, ...errors },
      },
    },
    async (request) => {
      const ctx = request.serviceContext();
      await verifySecondFactor(ctx, request.body);
      return describeSessionToken(ctx, request.sessionToken);
    },
  );
};
