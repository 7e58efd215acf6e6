import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptedSchema,
  AccountProfileSchema,
  ChangeEmailBodySchema,
  ChangePasswordBodySchema,
  EmailChangedSchema,
  PasswordResetCompleteBodySchema,
  PasswordResetRequestBodySchema,
  TokenBodySchema,
  UpdateAccountBodySchema,
} from '../../../domain/accounts/account.schema.ts';
import { ErrorResponseSchema } from '../../../domain/errors/error-response.schema.ts';
import {
  changePassword,
  completePasswordReset,
  confirmEmailChange,
  getAccount,
  requestEmailChange,
  requestPasswordReset,
  updateAccount,
} from './accounts.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

/** Password-reset requests and completions per client address (no mailbox flooding). */
export const PASSWORD_RESET_RATE_LIMIT = { max: 5, timeWindow: '15 minutes' };
/** Routes that check the current password: bounds guessing with a stolen session. */
export const CREDENTIAL_CHANGE_RATE_LIMIT = { max: 10, timeWindow: '15 minutes' };
/** The public e-mail confirmation link. */
export const EMAIL_CONFIRM_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };

/** The signed-in person's own account, and the public password-reset flow. */
export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/account',
    {
      config: { permission: 'account:manage' },
      schema: {
        tags: ['account'],
        summary: 'Your profile: e-mail, name, language',
        response: { 200: AccountProfileSchema, ...errors },
      },
    },
    (request) => getAccount(request.serviceContext()),
  );

  app.patch(
    '/account',
    {
      config: { permission: 'account:manage' },
      schema: {
        tags: ['account'],
        summary: 'Change your name or language',
        body: UpdateAccountBodySchema,
        response: { 200: AccountProfileSchema, ...errors },
      },
    },
    (request) => updateAccount(request.serviceContext(), request.body),
  );

  app.post(
    '/account/password',
    {
      config: { permission: 'account:manage', rateLimit: CREDENTIAL_CHANGE_RATE_LIMIT },
      schema: {
        tags: ['account'],
        summary: 'Change your password; every other session of yours ends',
        body: ChangePasswordBodySchema,
        response: {
          200: z.object({ revokedSessions: z.number().int() }),
          429: ErrorResponseSchema,
          ...errors,
        },
      },
    },
    (request) => changePassword(request.serviceContext(), request.body),
  );

  app.post(
    '/account/email',
    {
      config: { permission: 'account:manage', rateLimit: CREDENTIAL_CHANGE_RATE_LIMIT },
      schema: {
        tags: ['account'],
        summary: 'Change your e-mail address: a confirmation link goes to the new address',
        body: ChangeEmailBodySchema,
        response: {
          202: AcceptedSchema,
          409: ErrorResponseSchema,
          429: ErrorResponseSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const accepted = await requestEmailChange(request.serviceContext(), request.body);
      return reply.status(202).send(accepted);
    },
  );

  app.post(
    '/account/email/confirm',
    {
      // Public on purpose: the e-mailed token alone confirms (see confirmEmailChange).
      config: { permission: null, rateLimit: EMAIL_CONFIRM_RATE_LIMIT },
      schema: {
        tags: ['account'],
        summary: 'Confirm a new e-mail address with the link sent to it',
        body: TokenBodySchema,
        response: {
          200: EmailChangedSchema,
          409: ErrorResponseSchema,
          429: ErrorResponseSchema,
          ...errors,
        },
      },
    },
    (request) => confirmEmailChange(request.serviceContext(), request.body.token),
  );

  app.post(
    '/auth/password-reset',
    {
      config: { permission: null, rateLimit: PASSWORD_RESET_RATE_LIMIT },
      schema: {
        tags: ['account'],
        summary:
          'Ask for a password-reset link; the answer is the same whether or not the address has an account',
        body: PasswordResetRequestBodySchema,
        response: { 202: AcceptedSchema, 429: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const accepted = await requestPasswordReset(request.serviceContext(), request.body.email);
      return reply.status(202).send(accepted);
    },
  );

  app.post(
    '/auth/password-reset/complete',
    {
      config: { permission: null, rateLimit: PASSWORD_RESET_RATE_LIMIT },
      schema: {
        tags: ['account'],
        summary: 'Choose a new password with a reset link; every session of the account ends',
        body: PasswordResetCompleteBodySchema,
        response: { 204: z.null(), 429: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      await completePasswordReset(request.serviceContext(), request.body);
      return reply.status(204).send(null);
    },
  );
};
