import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEmail } from '../../../domain/notifications/notification-kinds.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import { outboxQuery } from '../../features/notifications/api/notifications-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';

const STATUS_TONE = {
  pending: 'warning',
  sent: 'success',
  failed: 'error',
  captured: 'primary',
} as const;

/** The e-mail body with its web addresses as links (invitation and reset links). */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          // The parts of one body never reorder.
          // biome-ignore lint/suspicious/noArrayIndexKey: static list
          <a key={index} href={part} className="usa-link" style={{ wordBreak: 'break-all' }}>
            {part}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: static list
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * Every e-mail the system sent or kept (without a mail server they are only kept here), so an
 * administrator (and a demo) can follow invitation and password-reset links.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('outbox.title'));
  const outbox = useInfiniteQuery(outboxQuery());
  const emails = outbox.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1 className="margin-top-0">{t('outbox.heading')}</h1>
      <p className="usa-intro">{t('outbox.intro')}</p>
      {outbox.isPending ? (
        <p role="status" className="text-base-dark">
          {t('outbox.loading')}
        </p>
      ) : outbox.isError && emails.length === 0 ? (
        <ApiErrorAlert
          heading={t('outbox.loadError')}
          error={outbox.error}
          onRetry={() => void outbox.refetch()}
        />
      ) : emails.length === 0 ? (
        <p>{t('outbox.none')}</p>
      ) : (
        <>
          <ul className="usa-list usa-list--unstyled" aria-label={t('outbox.listLabel')}>
            {emails.map((email) => (
              <EmailItem key={email.id} email={email} />
            ))}
          </ul>
          {outbox.hasNextPage ? (
            <Button
              variant="outline"
              aria-disabled={outbox.isFetchingNextPage}
              onClick={() => {
                if (!outbox.isFetchingNextPage) {
                  void outbox.fetchNextPage();
                }
              }}
            >
              {outbox.isFetchingNextPage ? t('outbox.loadingMore') : t('outbox.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}

function EmailItem({ email }: { email: OutboxEmail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = `outbox-${email.id}`;
  return (
    <li className="padding-2 margin-bottom-2 border-1px border-base-lighter radius-md">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="font-sans-md margin-top-0 margin-bottom-1">
          {email.subject}
        </h2>
        <p className="margin-y-05 font-sans-2xs">
          {t('outbox.to', { address: email.toAddress })}
          <span className="margin-left-1">
            <Tag tone={STATUS_TONE[email.status]}>{t(`outbox.status.${email.status}`)}</Tag>
          </span>
        </p>
        <p className="margin-y-05 font-sans-2xs text-base-dark">
          {t('outbox.created', { time: format.dateTime(email.createdAt) })}
          {email.lastError ? ` · ${email.lastError}` : null}
        </p>
        <details>
          <summary className="usa-link">{t('outbox.showBody')}</summary>
          <pre className="font-sans-xs margin-y-1" style={{ whiteSpace: 'pre-wrap' }}>
            <Linked text={email.textBody} />
          </pre>
        </details>
      </article>
    </li>
  );
}
