import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProtestView } from '../../../domain/protests/protest-api.schema.ts';
import { FormSection, SuccessNotice } from '../../components/request-form.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import {
  ownDenialNoticeUrl,
  ownProtestQuery,
  protestAttachmentUrl,
} from '../../features/protests/api/protests-api.ts';
import {
  ProtestAttachmentList,
  ProtestClocks,
  ProtestDecision,
  ProtestEntries,
  ProtestFacts,
  ProtestHistory,
  ProtestObjections,
  TradeComplianceIndicator,
} from '../../features/protests/components/protest-detail.tsx';
import { isOpen } from '../../features/protests/components/protest-labels.tsx';
import {
  AcceleratedDispositionForm,
  AmendmentSection,
  AttachmentUpload,
  WithdrawSection,
} from '../../features/protests/components/protest-member-actions.tsx';
import { ProtestQueryState } from '../../features/protests/components/protest-query-state.tsx';
import {
  SetAsideRequestForm,
  SetAsideSection,
} from '../../features/protests/components/protest-set-aside.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan, useSignedIn } from '../shell/use-viewer.ts';

/**
 * One of the company's protests (issue 7, items 1, 2, 3 and 6): its facts, the Trade
 * Compliance indicator, every clock, entries, objections, attachments (with the details
 * spreadsheet step), accelerated disposition, amendment, withdrawal, the decision with the court
 * deadline and the denial notice, and its history.
 */
export function ProtestPage() {
  const { t } = useTranslation();
  const { protestId } = useParams({ from: '/protests/$protestId' });
  const { filed } = useSearch({ from: '/protests/$protestId' });
  const session = useSignedIn();
  const organisationId = session?.organisationId ?? '';
  const protest = useQuery({
    ...ownProtestQuery(organisationId, protestId),
    enabled: organisationId !== '',
  });
  useDocumentTitle(
    protest.data
      ? t('protests.detail.title', { number: protest.data.protestNumber })
      : t('modules.protests.name'),
  );
  return (
    <>
      <p className="margin-top-0">
        <Link to="/protests" className="usa-link">
          {t('protests.back')}
        </Link>
      </p>
      <ProtestQueryState protest={protest} heading={t('modules.protests.name')}>
        {(data) => <MemberProtest protest={data} filed={filed === true} />}
      </ProtestQueryState>
    </>
  );
}

function MemberProtest({ protest, filed }: { protest: ProtestView; filed: boolean }) {
  const { t } = useTranslation();
  const canFile = useCan('protest:file');
  const open = isOpen(protest);
  const hasSheet = protest.attachments.some(
    (attachment) => attachment.kind === 'details_spreadsheet',
  );
  return (
    <>
      <h1>{t('protests.detail.title', { number: protest.protestNumber })}</h1>
      {filed ? (
        <SuccessNotice>
          {protest.recorded
            ? t('protests.record.done', { number: protest.protestNumber })
            : t('protests.detail.filed', { number: protest.protestNumber })}
        </SuccessNotice>
      ) : null}
      <ProtestFacts protest={protest} />
      <TradeComplianceIndicator protest={protest} />
      <ProtestDecision protest={protest} noticeUrl={ownDenialNoticeUrl(protest.id)} />
      <ProtestClocks protest={protest} />
      <SetAsideSection protest={protest}>
        {canFile ? <SetAsideRequestForm protest={protest} /> : null}
      </SetAsideSection>
      <ProtestEntries protest={protest} />
      <ProtestObjections protest={protest} />
      <FormSection
        id="protest-attachments-heading"
        heading={t('protests.attach.heading')}
        className="margin-top-4"
      >
        {canFile && open && !hasSheet ? (
          <Alert type="info" heading={t('protests.attach.step')} headingLevel="h3">
            <p className="margin-y-0">{t('protests.attach.sheetHint')}</p>
          </Alert>
        ) : null}
        <ProtestAttachmentList
          attachments={protest.attachments}
          contentUrl={(attachment) => protestAttachmentUrl(protest.id, attachment.id)}
        />
        {canFile && open ? <AttachmentUpload protest={protest} /> : null}
      </FormSection>
      {canFile && open && protest.acceleratedDispositionMailedOn === null ? (
        <AcceleratedDispositionForm protest={protest} />
      ) : null}
      {/* Shown when it cannot be used too: disabled, with the reason. */}
      {canFile ? <AmendmentSection protest={protest} /> : null}
      {canFile && open ? <WithdrawSection protest={protest} /> : null}
      <ProtestHistory protest={protest} />
    </>
  );
}
