import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProtestView } from '../../../../domain/protests/protest-api.schema.ts';
import { RequestForm, SuccessNotice } from '../../../components/request-form.tsx';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import { decideSetAside } from '../api/protest-review-api.ts';
import { refreshProtests, requestSetAside } from '../api/protests-api.ts';
import { DaysLeft } from './protest-labels.tsx';
import { DecisionRadios } from './protest-review-actions.tsx';
import { useProtestTexts } from './protest-texts.ts';

/**
 * The set-aside of a denial of further review (19 U.S.C. 1515(c)): the protestant asks the
 * Commissioner within 60 days after the denial's notice; the Commissioner grants (the protest
 * goes under further review), denies with reasons, or does not act within 60 days (considered
 * denied). The section shows the request and its outcome; the pages add the member's request
 * form or CBP's decision form as children.
 */

/** Whether the protest has anything to show here: further review denied, or a request made. */
export function hasSetAside(protest: ProtestView): boolean {
  return (
    protest.setAside !== null || protest.clocks.some((clock) => clock.name === 'set_aside_request')
  );
}

/** A request is waiting for the Commissioner. */
export function setAsidePending(protest: ProtestView): boolean {
  return protest.setAside !== null && protest.setAside.outcome === null;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-bold">{term}</dt>
      <dd className="margin-left-0 margin-bottom-1">{children}</dd>
    </>
  );
}

export function SetAsideSection({
  protest,
  children,
}: {
  protest: ProtestView;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  if (!hasSetAside(protest)) {
    return null;
  }
  const setAside = protest.setAside;
  const deadline = protest.clocks.find((clock) => clock.name === 'set_aside_request');
  const deemed = protest.clocks.find((clock) => clock.name === 'set_aside_deemed_denial');
  return (
    <section aria-labelledby="protest-set-aside-heading" className="margin-top-4">
      <h2 id="protest-set-aside-heading">{t('protests.setAside.heading')}</h2>
      <p>{t('protests.setAside.intro')}</p>
      {setAside === null ? (
        deadline ? (
          <p>
            {t('protests.setAside.lastDay', { date: date(deadline.effective) })}{' '}
            <DaysLeft days={deadline.daysLeft} />
          </p>
        ) : null
      ) : (
        <dl>
          <Fact term={t('protests.setAside.requestedOn')}>
            {date(setAside.requestedOn)}
            {setAside.requestedByName ? `, ${setAside.requestedByName}` : ''}
          </Fact>
          <Fact term={t('protests.setAside.reasons')}>
            <span className="text-pre-line">{setAside.reasons}</span>
          </Fact>
          <Fact term={t('protests.setAside.outcome')}>
            {t(`protests.setAside.outcomes.${setAside.outcome ?? 'pending'}`)}
            {setAside.decidedOn ? `, ${date(setAside.decidedOn)}` : ''}
            {setAside.decidedByName ? `, ${setAside.decidedByName}` : ''}
          </Fact>
          {setAside.outcome === null ? (
            <Fact term={t('protests.clocks.deemed')}>
              {t('protests.setAside.deemedOn', { date: date(setAside.deemedDeniedOn) })}{' '}
              {deemed ? <DaysLeft days={deemed.daysLeft} /> : null}
            </Fact>
          ) : null}
          {setAside.decisionReasons ? (
            <Fact term={t('protests.setAside.decisionReasons')}>
              <span className="text-pre-line">{setAside.decisionReasons}</span>
            </Fact>
          ) : null}
        </dl>
      )}
      <p className="usa-hint">{t('protests.setAside.court')}</p>
      {children}
    </section>
  );
}

/**
 * The member's written request (only before one was made): the reasons, or why it cannot be
 * made any more (after the 60 days, a withdrawn protest…), as the server says.
 */
export function SetAsideRequestForm({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const texts = useProtestTexts();
  const queryClient = useQueryClient();
  const form = useApiForm<{ reasons: string }, ProtestView>({
    initial: { reasons: '' },
    validate: (values) => {
      const errors: FieldErrors<{ reasons: string }> = {};
      if (values.reasons.trim() === '') errors.reasons = t('forms.errors.required');
      return errors;
    },
    submit: (values) => requestSetAside(protest.id, values.reasons, protest.version),
    onSuccess: () => void refreshProtests(queryClient),
  });
  if (form.result) {
    return <SuccessNotice>{t('protests.setAside.done')}</SuccessNotice>;
  }
  if (protest.setAside !== null) {
    return null;
  }
  if (!protest.setAsideRequest.allowed) {
    return (
      <p>
        {t('protests.setAside.notAllowed', {
          reason: texts.setAsideRequest(protest.setAsideRequest),
        })}
      </p>
    );
  }
  return (
    <RequestForm
      form={form}
      label={t('protests.setAside.heading')}
      failedHeading={t('protests.setAside.failed')}
      submitLabel={t('protests.setAside.submit')}
      pendingLabel={t('forms.sending')}
    >
      <TextareaField
        id="protest-set-aside-reasons"
        name="reasons"
        label={t('protests.setAside.reasons')}
        hint={t('protests.setAside.reasonsHint')}
        maxLength={20_000}
        value={form.values.reasons}
        error={form.errors.reasons}
        onChange={(value) => form.set('reasons', value)}
      />
    </RequestForm>
  );
}

type DecisionValues = { decision: string; reasons: string };

/** CBP records the Commissioner's action on a pending request: grant, or deny with reasons. */
export function SetAsideDecisionForm({ protest }: { protest: ProtestView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm<DecisionValues, ProtestView>({
    initial: { decision: '', reasons: '' },
    validate: (values) => {
      const errors: FieldErrors<DecisionValues> = {};
      if (values.decision === '') errors.decision = t('forms.errors.required');
      if (values.decision === 'denied' && values.reasons.trim() === '') {
        errors.reasons = t('protests.review.reasonsRequired');
      }
      return errors;
    },
    submit: (values) =>
      decideSetAside(protest.id, {
        decision: values.decision === 'granted' ? 'granted' : 'denied',
        ...(values.reasons.trim() === '' ? {} : { reasons: values.reasons.trim() }),
        expectedVersion: protest.version,
      }),
    onSuccess: () => void refreshProtests(queryClient),
  });
  return (
    <div className="margin-top-2">
      <h3>{t('protests.setAside.decide')}</h3>
      <RequestForm
        form={form}
        label={t('protests.setAside.decide')}
        failedHeading={t('protests.review.failed')}
        submitLabel={t('protests.review.decideSubmit')}
        pendingLabel={t('forms.saving')}
      >
        <DecisionRadios
          id="protest-set-aside-decision"
          legend={t('protests.objections.decision')}
          options={[
            { value: 'granted', label: t('protests.setAside.grant') },
            { value: 'denied', label: t('protests.review.frDeny') },
          ]}
          value={form.values.decision}
          error={form.errors.decision}
          onChange={(value) => form.set('decision', value)}
        />
        <TextareaField
          id="protest-set-aside-decision-reasons"
          name="reasons"
          label={t('protests.decision.reasons')}
          hint={t('protests.review.reasonsHint')}
          maxLength={20_000}
          value={form.values.reasons}
          error={form.errors.reasons}
          onChange={(value) => form.set('reasons', value)}
        />
      </RequestForm>
    </div>
  );
}
