import { useTranslation } from 'react-i18next';
import type { ProfileVersion } from '../../../../domain/security-profile/profile-review.schema.ts';
import { SummaryBox } from '../../../components/ui/summary-box.tsx';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';
import { VersionStatusTag } from './version-status-tag.tsx';

/**
 * Who submitted a version and when, what they attested to, CBP's decision, and for an annual
 * review its window and whether it came on time.
 */
export function VersionSummary({ version }: { version: ProfileVersion }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const date = useCalendarDateFormat();
  const readiness = version.snapshot.readiness;
  const annual = version.snapshot.annualReview;
  return (
    <SummaryBox heading={t('profileReview.version.summary')}>
      <dl className="margin-y-0">
        <dt className="text-bold">{t('profileReview.version.status')}</dt>
        <dd className="margin-left-0 margin-bottom-1">
          <VersionStatusTag status={version.status} />
        </dd>
        <dt className="text-bold">{t('profileReview.version.submitted')}</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {t('profileReview.version.submittedBy', {
            date: format.dateTime(version.submittedAt),
            name: version.submittedByName ?? '—',
          })}
        </dd>
        {version.decidedAt ? (
          <>
            <dt className="text-bold">{t('profileReview.version.decided')}</dt>
            <dd className="margin-left-0 margin-bottom-1">{format.dateTime(version.decidedAt)}</dd>
          </>
        ) : null}
        {annual ? (
          <>
            <dt className="text-bold">{t('securityProfile.annualReview.heading')}</dt>
            <dd className="margin-left-0 margin-bottom-1">
              {t('securityProfile.annualReview.window', {
                anniversary: date(annual.anniversary),
                opens: date(annual.windowOpens),
                closes: date(annual.windowCloses),
              })}{' '}
              {annual.submittedLate
                ? t('securityProfile.annualReview.late')
                : t('securityProfile.annualReview.onTime')}
              {annual.confirmedOutsideWindow.length > 0
                ? ` ${t('securityProfile.annualReview.outside', { ids: annual.confirmedOutsideWindow.join(', ') })}`
                : null}
            </dd>
          </>
        ) : null}
        <dt className="text-bold">{t('profileReview.version.readiness')}</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {t('profileReview.readiness.mustsMet', {
            met: readiness.mustsMet,
            of: readiness.mustsApplicable,
          })}
          {'; '}
          {t('profileReview.readiness.shouldsMet', {
            met: readiness.shouldsMet,
            of: readiness.shouldsApplicable,
          })}
        </dd>
        <dt className="text-bold">{t('profileReview.version.attestation')}</dt>
        <dd className="margin-left-0">
          <blockquote className="margin-x-0 margin-y-1 border-left-05 border-primary padding-left-2">
            {version.attestation}
          </blockquote>
        </dd>
      </dl>
    </SummaryBox>
  );
}
