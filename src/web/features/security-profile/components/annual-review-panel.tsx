import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AnnualReviewStatus } from '../../../../domain/security-profile/annual-review.schema.ts';
import { useCan } from '../../../app/shell/use-viewer.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SummaryBox } from '../../../components/ui/summary-box.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import {
  annualReviewKeys,
  ownAnnualReviewQuery,
  startAnnualReview,
} from '../api/annual-review-api.ts';
import { securityProfileKeys } from '../api/security-profile-api.ts';

/**
 * The annual review (issue 5, item 6) above the profile: the anniversary and its window, the
 * start of the cycle when the window is open, and the cycle's progress (answers still to
 * re-confirm, those confirmed outside the window, late or overdue). Shown to certified members.
 */
export function AnnualReviewPanel() {
  const status = useQuery(ownAnnualReviewQuery());
  if (!status.data || status.data.certifiedOn === null) {
    return null;
  }
  return <AnnualReviewSummary status={status.data} />;
}

function AnnualReviewSummary({ status }: { status: AnnualReviewStatus }) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  const canEdit = useCan('profile:edit');
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: startAnnualReview,
    onSuccess: (view) => {
      queryClient.setQueryData(securityProfileKeys.own, view);
      void queryClient.invalidateQueries({ queryKey: annualReviewKeys.own });
    },
  });
  const cycle = status.cycle;
  // The cycle shown is the one for the anniversary in question, else the latest one.
  return (
    <SummaryBox heading={t('securityProfile.annualReview.heading')} className="margin-bottom-3">
      {status.anniversary && status.windowOpens && status.windowCloses && status.phase ? (
        <p className="margin-top-0">
          <Tag
            tone={
              status.phase === 'open' ? 'primary' : status.phase === 'late' ? 'warning' : 'base'
            }
          >
            {t(`securityProfile.annualReview.phase.${status.phase}`)}
          </Tag>{' '}
          {t('securityProfile.annualReview.window', {
            anniversary: date(status.anniversary),
            opens: date(status.windowOpens),
            closes: date(status.windowCloses),
          })}{' '}
          {status.daysToAnniversary !== null && status.daysToAnniversary >= 0
            ? t('securityProfile.annualReview.daysLeft', { count: status.daysToAnniversary })
            : null}
        </p>
      ) : null}
      {status.provisional ? (
        <p className="font-sans-2xs text-base-dark">
          {t('securityProfile.annualReview.provisional', { citation: status.citation })}
        </p>
      ) : null}
      {cycle && status.blocker === 'already_started' ? (
        <>
          <p>
            {t('securityProfile.annualReview.progress', {
              toReconfirm: cycle.toReconfirm,
              inWindow: cycle.confirmedInWindow,
            })}
          </p>
          {cycle.confirmedOutsideWindow.length > 0 ? (
            <p>
              {t('securityProfile.annualReview.outside', {
                ids: cycle.confirmedOutsideWindow.join(', '),
              })}
            </p>
          ) : null}
          {cycle.overdue ? (
            <Alert type="warning" slim>
              <p className="margin-y-0">{t('securityProfile.annualReview.overdue')}</p>
            </Alert>
          ) : null}
          {cycle.submittedLate !== null ? (
            <p className="margin-bottom-0">
              {cycle.submittedLate
                ? t('securityProfile.annualReview.late')
                : t('securityProfile.annualReview.onTime')}
            </p>
          ) : null}
        </>
      ) : null}
      {status.canStart && canEdit ? (
        <>
          <p>{t('securityProfile.annualReview.startHint')}</p>
          <Button disabled={start.isPending} onClick={() => start.mutate()}>
            {t('securityProfile.annualReview.start')}
          </Button>
        </>
      ) : status.blocker && status.blocker !== 'already_started' ? (
        <p className="margin-bottom-0">
          {t(`securityProfile.annualReview.blocker.${status.blocker}`, {
            opens: status.windowOpens ? date(status.windowOpens) : '',
          })}
        </p>
      ) : null}
      {start.isError ? (
        <div className="margin-top-2">
          <ApiErrorAlert heading={t('securityProfile.annualReview.failed')} error={start.error} />
        </div>
      ) : null}
    </SummaryBox>
  );
}
