import type { ServiceContext } from '../../service-context.ts';

/**
 * What a notice written inside a transaction needs besides the database: the time, whether
 * e-mail can go out, and where e-mails link to. Built from a request's service context, or by an
 * hourly job from its own clock and runtime, so the same notice code serves both.
 */
export interface NoticeContext {
  now: Date;
  smtpConfigured: boolean;
  /** PUBLIC_URL: e-mails link to the record there. */
  publicUrl: string;
}

export function noticeContextOf(ctx: ServiceContext): NoticeContext {
  return {
    now: ctx.clock.now(),
    smtpConfigured: ctx.runtime.mail.smtpUrl !== null,
    publicUrl: ctx.runtime.publicUrl,
  };
}
