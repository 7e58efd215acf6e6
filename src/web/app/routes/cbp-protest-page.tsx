import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProtestView } from '../../../domain/protests/protest-api.schema.ts';
import {
  protestForReviewQuery,
  reviewAttachmentUrl,
  reviewDenialNoticeUrl,
} from '../../features/protests/api/protest-review-api.ts';
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
import { ProtestQueryState } from '../../features/protests/components/protest-query-state.tsx';
import {
  AssignmentForm,
  DecisionForm,
  FurtherReviewForm,
} from '../../features/protests/components/protest-review-actions.tsx';
import {
  SetAsideDecisionForm,
  SetAsideSection,
  setAsidePending,
} from '../../features/protests/components/protest-set-aside.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan } from '../shell/use-viewer.ts';

/**
 * One protest for CBP (issue 7, items 4 and 5): everything its filer sees, plus the
 * assignment, the decision form and the decision on an application for further review.
 */
export function CbpProtestPage() {
  const { t } = useTranslation();
  const { protestId } = useParams({ from: '/cbp/protests/$protestId' });
  const protest = useQuery(protestForReviewQuery(protestId));
  useDocumentTitle(
    protest.data
      ? t('protests.detail.title', { number: protest.data.protestNumber })
      : t('protests.queue.title'),
  );
  return (
    <>
      <p className="margin-top-0">
        <Link to="/cbp/protests" className="usa-link">
          {t('protests.queue.back')}
        </Link>
      </p>
      <ProtestQueryState protest={protest} heading={t('protests.queue.title')}>
        {(data) => <ReviewedProtest protest={data} />}
      </ProtestQueryState>
    </>
  );
}

function furtherReviewPending(protest: ProtestView): boolean {
  return (
    protest.furtherReview !== null &&
    !protest.events.some(
      (event) => event.kind === 'further_review_approved' || event.kind === 'further_review_denied',
    )
  );
}

function ReviewedProtest({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const canReview = useCan('protest:review:any');
  const open = isOpen(protest);
  return (
    <>
      <h1>{t('protests.detail.title', { number: protest.protestNumber })}</h1>
      <p className="usa-intro">{protest.protestant.name}</p>
      <ProtestFacts protest={protest} />
      <TradeComplianceIndicator protest={protest} />
      <ProtestDecision protest={protest} noticeUrl={reviewDenialNoticeUrl(protest.id)} />
      <ProtestClocks protest={protest} />
      {canReview && open ? (
        // Keyed by version: each change starts the forms from the protest as it now is.
        <div key={protest.version}>
          <AssignmentForm protest={protest} />
          {furtherReviewPending(protest) ? <FurtherReviewForm protest={protest} /> : null}
          <DecisionForm protest={protest} />
        </div>
      ) : null}
      <SetAsideSection protest={protest}>
        {canReview && setAsidePending(protest) ? (
          <SetAsideDecisionForm key={protest.version} protest={protest} />
        ) : null}
      </SetAsideSection>
      <ProtestEntries protest={protest} />
      <ProtestObjections protest={protest} />
      <section aria-labelledby="protest-attachments-heading" className="margin-top-4">
        <h2 id="protest-attachments-heading">{t('protests.attach.heading')}</h2>
        <ProtestAttachmentList
          attachments={protest.attachments}
          contentUrl={(attachment) => reviewAttachmentUrl(protest.id, attachment.id)}
        />
      </section>
      <ProtestHistory protest={protest} />
    </>
  );
}
