import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  type MemberReport,
  REPORT_FORMATS,
} from '../../../../domain/validations/work-program.schema.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import { memberReportQuery, reportFileUrl } from '../api/validation-work-api.ts';
import type { ValidationSectionProps } from './validation-details.tsx';
import { RatingTag } from './work-program-criteria.tsx';

/**
 * The issued validation report as the member reads it (issue 6, item 5), for the member's
 * validation page: the summary, the recommended outcome, the day responses to required actions
 * are due, the results, every finding by criterion and the stored PDF and Word documents.
 * Before the report is issued the section says so.
 */
export function MemberValidationReport({
  validationId,
  headingLevel = 'h2',
}: {
  validationId: string;
  headingLevel?: 'h2' | 'h3';
}) {
  const { t } = useTranslation();
  const report = useQuery(memberReportQuery(validationId));
  const Heading = headingLevel;
  const notIssued = report.error instanceof ApiError && report.error.code === 'NOT_FOUND';
  return (
    <section aria-labelledby="validation-report-heading" className="margin-top-4">
      <Heading id="validation-report-heading">{t('validationWork.member.heading')}</Heading>
      {report.isPending ? (
        <p role="status" className="text-base-dark">
          {t('profileReview.loading')}
        </p>
      ) : notIssued ? (
        <p className="text-base-dark">{t('validationWork.member.notIssued')}</p>
      ) : report.isError ? (
        <ApiErrorAlert
          heading={t('validationWork.member.loadFailed')}
          headingLevel="h3"
          error={report.error}
          onRetry={() => void report.refetch()}
        />
      ) : (
        <IssuedReport report={report.data} />
      )}
    </section>
  );
}

/** The report's section on the member's validation page, once the report is issued. */
export function MemberReportSection({ validation }: ValidationSectionProps) {
  if (validation.reportIssuedOn === null) return null;
  return <MemberValidationReport validationId={validation.id} />;
}

function IssuedReport({ report }: { report: MemberReport }) {
  const { t } = useTranslation();
  const formatDate = useCalendarDateFormat();
  const languages = [...new Set(report.documents.map((document) => document.language))];
  return (
    <>
      <dl>
        <dt className="text-bold">{t('validationWork.member.issuedOn')}</dt>
        <dd className="margin-left-0">{formatDate(report.issuedOn)}</dd>
        {report.recommendedOutcome ? (
          <>
            <dt className="text-bold margin-top-1">{t('validationWork.member.outcome')}</dt>
            <dd className="margin-left-0">
              {t(`validationWork.report.outcomes.${report.recommendedOutcome}`)}
            </dd>
          </>
        ) : null}
        {report.responsesDueOn ? (
          <>
            <dt className="text-bold margin-top-1">{t('validationWork.member.responsesDue')}</dt>
            <dd className="margin-left-0">
              {formatDate(report.responsesDueOn)}
              {report.responsePeriodProvisional
                ? ` (${t('validationWork.member.provisional')})`
                : null}
            </dd>
          </>
        ) : null}
        <dt className="text-bold margin-top-1">{t('validationWork.member.counts')}</dt>
        <dd className="margin-left-0">
          {(['compliant', 'required_action', 'recommendation', 'best_practice'] as const)
            .map((rating) => `${t(`validationWork.ratings.${rating}`)}: ${report.counts[rating]}`)
            .join(' · ')}
        </dd>
      </dl>
      {report.summary ? (
        <>
          <h3>{t('validationWork.member.summary')}</h3>
          <p className="measure-5" style={{ whiteSpace: 'pre-wrap' }}>
            {report.summary}
          </p>
        </>
      ) : null}
      {languages.length > 0 ? (
        <>
          <h3>{t('validationWork.member.downloads')}</h3>
          <ul className="usa-list">
            {languages.flatMap((language) =>
              REPORT_FORMATS.map((format) => (
                <li key={`${language}-${format}`}>
                  <a
                    className="usa-link"
                    href={reportFileUrl('member', report.validationId, format, language)}
                  >
                    {t('validationWork.report.download', {
                      format: format.toUpperCase(),
                      language: t(`validationWork.report.languages.${language}`),
                    })}
                  </a>
                </li>
              )),
            )}
          </ul>
        </>
      ) : null}
      <DataTable
        caption={t('validationWork.member.findingsCaption')}
        columns={[
          {
            id: 'criterion',
            header: t('validationWork.member.criterion'),
            cell: (finding: MemberReport['findings'][number]) => (
              <>
                <span className="text-bold">{finding.criterionId}</span>{' '}
                <span className="font-sans-2xs">
                  ({t(`validationWork.designation.${finding.designation}`)})
                </span>
                <br />
                <span className="font-sans-2xs">{finding.text}</span>
              </>
            ),
          },
          {
            id: 'place',
            header: t('validationWork.member.place'),
            cell: (finding) => finding.site?.name ?? t('validationWork.finding.validationWide'),
          },
          {
            id: 'rating',
            header: t('validationWork.member.rating'),
            cell: (finding) => <RatingTag rating={finding.rating} />,
          },
          {
            id: 'notes',
            header: t('validationWork.member.notes'),
            cell: (finding) => finding.notes,
          },
          {
            id: 'evidenceSeen',
            header: t('validationWork.member.evidenceSeen'),
            cell: (finding) => finding.evidenceSeen,
          },
        ]}
        rows={report.findings}
        rowKey={(finding) => finding.id}
      />
    </>
  );
}
