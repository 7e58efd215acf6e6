import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUser, signIn } from '../../../../tests/factories/user.factory.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import { deliverPendingEmails, MAX_DELIVERY_ATTEMPTS } from './email-delivery.ts';
import { notify } from './notifications.service.ts';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await buildTestApp();
});

afterAll(async () => {
  await testApp.close();
});

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

    const inbox = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: { cookie: session.cookie },
    });

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
    const bobInbox = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: { cookie: bobSession.cookie },
    });
    const bobNotificationId: string = bobInbox.json().items[0].id;

    const foreign = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${bobNotificationId}/read`,
      headers: aliceSession.headers,
    });
    const own = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${bobNotificationId}/read`,
      headers: bobSession.headers,
    });
    const all = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: bobSession.headers,
    });
    const count = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/notifications/unread-count',
      headers: { cookie: bobSession.cookie },
    });

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
    await notify(
      testApp.database.db,
      { now: later, smtpConfigured: false },
      request(user.id, key),
    );
    const admin = await createUser(testApp.database.db, { role: 'administrator' });
    // The administrator role needs MFA; mark this test session verified directly (MFA has its own tests).
    const session = await signIn(testApp.app, admin);
    await testApp.database.db.execute(
      sql`update sessions set mfa_verified_at = now() where user_id = ${admin.id}`,
    );
    await testApp.database.db.execute(
      sql`insert into totp_authenticators (user_id, secret_encrypted, confirmed_at, created_at) values (${admin.id}, 'v1.x.x.x', now(), now())`,
    );

    const outbox = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/outbox?limit=100',
      headers: { cookie: session.cookie },
    });
    const contributorOutbox = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/outbox',
      headers: { cookie: (await signIn(testApp.app, user)).cookie },
    });

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
