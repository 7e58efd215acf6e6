import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { WorkProgram } from '../../../domain/validations/work-program.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { InternalLink } from '../../components/internal-link.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { SummaryBox } from '../../components/ui/summary-box.tsx';
import { workProgramQuery } from '../../features/validations/api/validation-work-api.ts';
import { LastingNotices } from '../../features/validations/components/lasting-notice.tsx';
import { ReportDecisionForm } from '../../features/validations/components/report-decision.tsx';
import { ReportPanel } from '../../features/validations/components/report-draft.tsx';
import { WorkProgramCriteria } from '../../features/validations/components/work-program-criteria.tsx';
import { WorkProgramHours } from '../../features/validations/components/work-program-hours.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/**
 * The standard work program of one validation (issue 6, items 4 and 5; 6 U.S.C. 971): the same
 * review steps and rating scale for every criterion, the findings per criterion and site, the
 * staff hours, the report draft and submission, and for a supervisory specialist the approval
 * or return of the report.
 */
export function CbpValidationWorkPage() {
  const { t } = useTranslation();
  const { validationId } = useParams({ from: '/cbp/validations/$validationId/work-program' });
  const program = useQuery(workProgramQuery(validationId));
  useDocumentTitle(
    program.data
      ? t('validationWork.titleOf', { member: program.data.memberName })
      : t('validationWork.title'),
  );
  return (
    <>
      <p className="margin-top-0">
        <InternalLink href={`/cbp/validations/${encodeURIComponent(validationId)}`}>
          {t('validationWork.back')}
        </InternalLink>
      </p>
      {program.isPending ? (
        <p role="status" className="text-base-dark">
          {t('profileReview.loading')}
        </p>
      ) : program.isError ? (
        <>
          <h1>{t('validationWork.title')}</h1>
          <ApiErrorAlert
            heading={t('validationWork.loadFailed')}
            error={program.error}
            onRetry={() => void program.refetch()}
          />
        </>
      ) : (
        <WorkProgramView program={program.data} />
      )}
    </>
  );
}

function WorkProgramView({ program }: { program: WorkProgram }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('validationWork.titleOf', { member: program.memberName })}</h1>
      <p className="usa-intro">{t('validationWork.intro')}</p>
      <dl className="margin-bottom-3">
        <dt className="text-bold">{t('validationWork.facts.status')}</dt>
        <dd className="margin-left-0">{t(`validationWork.statuses.${program.status}`)}</dd>
        <dt className="text-bold margin-top-1">{t('validationWork.facts.specialist')}</dt>
        <dd className="margin-left-0">
          {program.specialist?.name ?? t('validationWork.facts.notAssigned')}
        </dd>
        {program.catalogVersion ? (
          <>
            <dt className="text-bold margin-top-1">{t('validationWork.facts.catalog')}</dt>
            <dd className="margin-left-0">{program.catalogVersion}</dd>
          </>
        ) : null}
        {program.sites.length > 0 ? (
          <>
            <dt className="text-bold margin-top-1">{t('validationWork.facts.sites')}</dt>
            <dd className="margin-left-0">
              {program.sites.map((site) => `${site.name} (${site.countryCode})`).join('; ')}
            </dd>
          </>
        ) : null}
      </dl>
      {!program.canRecordFindings &&
      (program.status === 'fieldwork' || program.status === 'scheduled') ? (
        <Alert type="info" slim>
          <p className="margin-y-0">{t('validationWork.readOnly')}</p>
        </Alert>
      ) : null}
      <SummaryBox heading={t('validationWork.steps.heading')} className="margin-top-3">
        <ol className="usa-list margin-y-0">
          {program.steps.map((step) => (
            <li key={step}>{t(`validationWork.steps.${step}`)}</li>
          ))}
        </ol>
      </SummaryBox>
      <LastingNotices>
        <ReportDecisionForm program={program} />
        <ReportPanel program={program} />
        <WorkProgramHours program={program} />
        <WorkProgramCriteria program={program} />
      </LastingNotices>
    </>
  );
}
