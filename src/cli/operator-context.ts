import type { FastifyBaseLogger } from 'fastify';
import type { Permission } from '../domain/authorization/permissions.ts';
import type { Config } from '../server/config.ts';
import type { Db } from '../server/db/database.ts';
import type { Runtime } from '../server/runtime.ts';
import { deriveKeys, loadSecretKey } from '../server/security/secret-key.ts';
import type { ServiceContext } from '../server/service-context.ts';
import { systemClock } from '../server/system-clock.ts';

/** The CLI reports through its own output; services' log lines are not for the console. */
const silentLogger: FastifyBaseLogger = {
  level: 'silent',
  fatal: () => {},
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  trace: () => {},
  silent: () => {},
  child: () => silentLogger,
};

/**
 * The service context of a `ctpat` command: the operator at the console, holding exactly the
 * permissions the command needs (an `operator` actor, recorded as such in the audit trail).
 */
export async function operatorContext(
  db: Db,
  config: Config,
  command: string,
  permissions: readonly Permission[],
): Promise<ServiceContext> {
  const secretKey = await loadSecretKey({ configured: config.secretKey, dataDir: config.dataDir });
  const runtime: Runtime = {
    keys: deriveKeys(secretKey),
    session: config.session,
    publicUrl: config.publicUrl,
    mail: config.mail,
    oidc: config.oidc,
    pilot: config.pilot,
    membershipClocks: config.membershipClocks,
    validationResponseDays: config.validationResponseDays,
    validationNotice: config.validationNotice,
  };
  return {
    db,
    actor: { kind: 'operator', command, permissions: new Set(permissions) },
    clock: systemClock,
    log: silentLogger,
    requestId: null,
    clientAddress: null,
    runtime,
  };
}
