import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createUser,
  signIn,
  signInWithMfaSettled,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller } from '../../../../tests/setup/api-caller.ts';
import { TEST_NOW } from '../../../../tests/setup/test-app.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import { deliverPendingEmails, MAX_DELIVERY_ATTEMPTS } from './email-delivery.ts';
import { notify } from './notifications.service.ts';

const testApp = setUpTestApp();
const call = apiCaller(testApp);

function request(userId: string, key: string) {
  return {
    key,
    kind: 'password_changed' as const,
    params: { time: TEST_NOW.toISOString() },
    link: '/account',
    organisationId: null,
    userId,
    email: { to: `${key}@example.test`, language: 'es' as const },
  };
}

describe('the inbox', () => {
  it('notifies once per key, however often the sender retries', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const key = `test:${randomUUID()}`;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await notify(
        testApp.database.db,
        { now: TEST_NOW, smtpConfigured: false },
        request(user.id, key),
      );
    }
    const session = await signIn(testApp.app, user);

    const inbox = await call('GET', '/api/v1/notifications', session);

    // Signing in from a new device notified too; exactly one notification carries our key's kind.
    const ours = inbox
      .json()
      .items.filter((item: { kind: string }) => item.kind === 'password_changed');
    expect(ours).toHaveLength(1);
    expect(inbox.json().unread).toBe(2);
  });

  it('marks one or all read, and a foreign notification answers 404', async () => {
    const alice = await createUser(testApp.database.db, { role: 'contributor' });
    const bob = await createUser(testApp.database.db, { role: 'contributor' });
    await notify(
      testApp.database.db,
      { now: TEST_NOW, smtpConfigured: false },
      request(bob.id, `bob:${randomUUID()}`),
    );
    const aliceSession = await signIn(testApp.app, alice);
    const bobSession = await signIn(testApp.app, bob);
    const bobInbox = await call('GET', '/api/v1/notifications', bobSession);
    const bobNotificationId: string = bobInbox.json().items[0].id;

    const foreign = await call(
      'POST',
      `/api/v1/notifications/${bobNotificationId}/read`,
      aliceSession,
    );
    const own = await call('POST', `/api/v1/notifications/${bobNotificationId}/read`, bobSession);
    const all = await call('POST', '/api/v1/notifications/read-all', bobSession);
    const count = await call('GET', '/api/v1/notifications/unread-count', bobSession);

    expect(foreign.statusCode).toBe(404);
    expect(own.statusCode).toBe(204);
    expect(all.json().marked).toBe(1);
    expect(count.json()).toEqual({ unread: 0 });
  });
});

describe('the outbox', () => {
  it('keeps e-mails in the recipient language, captured when there is no mail server', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const key = `outbox:${randomUUID()}`;
    // Later than every other test's e-mail, so it is on the first page of a shared database.
    const later = new Date(TEST_NOW.getTime() + 86_400_000);
    await notify(testApp.database.db, { now: later, smtpConfigured: false }, request(user.id, key));
    const admin = await createUser(testApp.database.db, { role: 'administrator' });
    // The administrator role needs MFA; its own tests cover it, so it is settled directly here.
    const session = await signInWithMfaSettled(testApp.app, testApp.database.db, admin);

    const outbox = await call('GET', '/api/v1/outbox?limit=100', session);
    const contributorOutbox = await call('GET', '/api/v1/outbox', await signIn(testApp.app, user));

    expect(outbox.statusCode).toBe(200);
    const email = outbox
      .json()
      .items.find((item: { toAddress: string }) => item.toAddress === `${key}@example.test`);
    expect(email).toMatchObject({
      status: 'captured',
      subject: 'Se cambió su contraseña de OpenCTPAT',
    });
    expect(contributorOutbox.statusCode).toBe(403);
  });

  it('delivers pending e-mails over SMTP exactly once, and retries failures', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => {
          data += chunk.toString('utf8');
        });
        stream.on('end', () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
    });
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const key = `smtp:${randomUUID()}`;
    await notify(
      testApp.database.db,
      { now: TEST_NOW, smtpConfigured: true },
      request(user.id, key),
    );

    const first = await deliverPendingEmails(testApp.database.db, transport, {
      from: 'OpenCTPAT <no-reply@example.test>',
      now: () => TEST_NOW,
      batchSize: 500,
    });
    const second = await deliverPendingEmails(testApp.database.db, transport, {
      from: 'OpenCTPAT <no-reply@example.test>',
      now: () => TEST_NOW,
      batchSize: 500,
    });

    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(second.sent).toBe(0);
    expect(received.filter((message) => message.includes(`${key}@example.test`))).toHaveLength(1);
    transport.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));

    // With the server gone, a new e-mail fails, stays pending, and is given up after the limit.
    const failing = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
      connectionTimeout: 500,
    });
    const failKey = `smtp-fail:${randomUUID()}`;
    await notify(
      testApp.database.db,
      { now: TEST_NOW, smtpConfigured: true },
      request(user.id, failKey),
    );
    for (let attempt = 0; attempt < MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      await deliverPendingEmails(testApp.database.db, failing, {
        from: 'x@example.test',
        now: () => TEST_NOW,
        batchSize: 500,
      });
    }
    const rows = await testApp.database.db.execute(
      sql`select status, attempts from email_outbox where key = ${`${failKey}:email`}`,
    );
    expect(z.object({ rows: z.array(z.unknown()) }).parse(rows).rows).toEqual([
      { status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS },
    ]);
  });
});
