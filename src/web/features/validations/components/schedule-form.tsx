import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fieldset } from '@trussworks/react-uswds';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  calendarDateFromInstant,
  daysBetween,
  parseCalendarDate,
} from '../../../../domain/time/calendar-date.ts';
import type {
  ScheduleValidationBody,
  ValidationView,
} from '../../../../domain/validations/validation-api.schema.ts';
import {
  earliestCompliantStart,
  minimumNotice,
  siteLocation,
} from '../../../../domain/validations/validation-notice.ts';
import {
  PARTICIPANT_SIDES,
  type ParticipantSide,
  VALIDATION_MODES,
  type ValidationMode,
} from '../../../../domain/validations/validation-vocabulary.ts';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Form, SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useIssueText } from '../../../lib/issue-text.ts';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import { TextareaField } from '../../company-profile/components/textarea-field.tsx';
import { mraProgramsQuery } from '../../mutual-recognition/api/mutual-recognition-api.ts';
import { refreshAllValidations, scheduleValidation } from '../api/validations-api.ts';
import { LastingSuccessNotice } from './lasting-notice.tsx';

/**
 * Scheduling a validation (issue 6, item 2): mode, dates, sites (a foreign site may name the
 * MRA partner program its operator is in: no CBP foreign visit, 30 days' notice instead of 60),
 * each site's visit day and agenda, the participants, and the written notice. The override
 * reason appears when the start is inside the minimum notice (checked here with the product's
 * default periods; the server checks with the deployment's and its refusal shows it too).
 * Re-scheduling replaces the sites and participants and sends a new notice.
 */

interface AgendaDraft {
  key: number;
  time: string;
  topic: string;
}

interface SiteDraft {
  key: number;
  name: string;
  address: string;
  countryCode: string;
  mraProgramId: string;
  visitOn: string;
  agenda: AgendaDraft[];
}

interface ParticipantDraft {
  key: number;
  side: ParticipantSide;
  name: string;
  title: string;
  email: string;
  phone: string;
}

interface ScheduleDraft {
  mode: ValidationMode;
  startsOn: string;
  endsOn: string;
  noticeSentOn: string;
  noticeOverrideReason: string;
  sites: SiteDraft[];
  participants: ParticipantDraft[];
}

let nextKey = 1;
const newKey = () => {
  nextKey += 1;
  return nextKey;
};

const emptySite = (): SiteDraft => ({
  key: newKey(),
  name: '',
  address: '',
  countryCode: 'US',
  mraProgramId: '',
  visitOn: '',
  agenda: [],
});

const emptyParticipant = (side: ParticipantSide, name = ''): ParticipantDraft => ({
  key: newKey(),
  side,
  name,
  title: '',
  email: '',
  phone: '',
});

function draftOf(validation: ValidationView): ScheduleDraft {
  return {
    mode: validation.mode,
    startsOn: validation.startsOn ?? '',
    endsOn: validation.endsOn ?? '',
    noticeSentOn: '',
    noticeOverrideReason: '',
    sites:
      validation.sites.length > 0
        ? validation.sites.map((site) => ({
            key: newKey(),
            name: site.name,
            address: site.address,
            countryCode: site.countryCode,
            mraProgramId: site.mraProgram?.id ?? '',
            visitOn: site.visitOn ?? '',
            agenda: site.agenda.map((item) => ({ key: newKey(), ...item })),
          }))
        : [emptySite()],
    participants:
      validation.participants.length > 0
        ? validation.participants.map((person) => ({
            key: newKey(),
            side: person.side,
            name: person.name,
            title: person.title,
            email: person.email ?? '',
            phone: person.phone ?? '',
          }))
        : [emptyParticipant('cbp', validation.specialist?.name ?? ''), emptyParticipant('member')],
  };
}

type Errors = Record<string, string>;

/** Checks in the browser with translated messages; the server checks everything again. */
function useDraftErrors() {
  const { t } = useTranslation();
  return (draft: ScheduleDraft): Errors => {
    const errors: Errors = {};
    const required = t('forms.errors.required');
    if (!parseCalendarDate(draft.startsOn)) errors.startsOn = required;
    if (!parseCalendarDate(draft.endsOn)) errors.endsOn = required;
    draft.sites.forEach((site, index) => {
      if (site.name.trim() === '') errors[`sites.${index}.name`] = required;
      if (site.address.trim() === '') errors[`sites.${index}.address`] = required;
      if (!/^[A-Za-z]{2}$/.test(site.countryCode.trim())) {
        errors[`sites.${index}.countryCode`] = t('validations.schedule.countryCodeHint');
      }
      site.agenda.forEach((item, line) => {
        if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(item.time)) {
          errors[`sites.${index}.agenda.${line}.time`] = t('validations.schedule.timeHint');
        }
        if (item.topic.trim() === '') errors[`sites.${index}.agenda.${line}.topic`] = required;
      });
    });
    draft.participants.forEach((person, index) => {
      if (person.name.trim() === '') errors[`participants.${index}.name`] = required;
      if (person.title.trim() === '') errors[`participants.${index}.title`] = required;
    });
    return errors;
  };
}

/** The server's field issues by their path under `body` (`sites.0.visitOn`). */
function serverErrors(error: unknown, issueText: (message: string) => string): Errors {
  if (!(error instanceof ApiError)) return {};
  const details = error.details as { issues?: { path?: unknown; message?: unknown }[] } | null;
  const found: Errors = {};
  for (const issue of details?.issues ?? []) {
    if (typeof issue.path !== 'string' || typeof issue.message !== 'string') continue;
    const path = issue.path.replace(/^body\./, '');
    found[path] ??= issueText(issue.message);
  }
  return found;
}

function bodyOf(validation: ValidationView, draft: ScheduleDraft, override: boolean) {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  const body: ScheduleValidationBody = {
    expectedVersion: validation.version,
    mode: draft.mode,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    ...(draft.noticeSentOn ? { noticeSentOn: draft.noticeSentOn } : {}),
    ...(override && draft.noticeOverrideReason.trim()
      ? { noticeOverrideReason: draft.noticeOverrideReason.trim() }
      : {}),
    sites: draft.sites.map((site) => ({
      name: site.name.trim(),
      address: site.address.trim(),
      countryCode: site.countryCode.trim().toUpperCase(),
      mraProgramId:
        siteLocation(site.countryCode) === 'foreign' && site.mraProgramId !== ''
          ? site.mraProgramId
          : null,
      visitOn: site.visitOn === '' ? null : site.visitOn,
      agenda: site.agenda.map((item) => ({ time: item.time, topic: item.topic.trim() })),
    })),
    participants: draft.participants.map((person) => ({
      side: person.side,
      name: person.name.trim(),
      title: person.title.trim(),
      email: text(person.email),
      phone: text(person.phone),
    })),
  };
  return body;
}

export function ScheduleForm({ validation }: { validation: ValidationView }) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  const issueText = useIssueText();
  const queryClient = useQueryClient();
  const programs = useQuery(mraProgramsQuery());
  const [draft, setDraft] = useState<ScheduleDraft>(() => draftOf(validation));
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const check = useDraftErrors();
  const mutation = useMutation({
    mutationFn: (body: ScheduleValidationBody) => scheduleValidation(validation.id, body),
    onSuccess: () => void refreshAllValidations(queryClient),
  });
  const errors: Errors = { ...serverErrors(mutation.error, issueText), ...clientErrors };
  const failed = mutation.isError;
  useEffect(() => {
    if (attempt === 0 && !failed) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, failed]);

  const today = calendarDateFromInstant(new Date());
  const noticeOn = parseCalendarDate(draft.noticeSentOn) ?? today;
  const start = parseCalendarDate(draft.startsOn);
  const notice = minimumNotice(
    draft.sites.map((site) => ({
      countryCode: site.countryCode,
      mraProgramId: site.mraProgramId === '' ? null : site.mraProgramId,
    })),
  );
  const earliest = earliestCompliantStart(noticeOn, notice.days);
  const short = start !== null && daysBetween(noticeOn, start) < notice.days;
  const showOverride =
    short || errors.startsOn !== undefined || draft.noticeOverrideReason.trim() !== '';

  const update = (change: Partial<ScheduleDraft>) => setDraft({ ...draft, ...change });
  const updateSite = (index: number, change: Partial<SiteDraft>) =>
    update({ sites: draft.sites.map((site, i) => (i === index ? { ...site, ...change } : site)) });
  const updatePerson = (index: number, change: Partial<ParticipantDraft>) =>
    update({
      participants: draft.participants.map((person, i) =>
        i === index ? { ...person, ...change } : person,
      ),
    });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const found = check(draft);
    setClientErrors(found);
    setAttempt((count) => count + 1);
    if (Object.keys(found).length > 0) {
      mutation.reset();
      return;
    }
    mutation.mutate(bodyOf(validation, draft, showOverride));
  };

  const programOptions = (programs.data?.items ?? [])
    .filter((program) => program.active)
    .map((program) => ({
      value: program.id,
      label: `${program.programName} (${program.countryName})`,
    }));

  return (
    <section aria-labelledby="validation-schedule-heading" className="margin-top-4">
      <h2 id="validation-schedule-heading">
        {validation.status === 'scheduled'
          ? t('validations.schedule.rescheduleHeading')
          : t('validations.schedule.heading')}
      </h2>
      {validation.status === 'scheduled' ? (
        <p>{t('validations.schedule.rescheduleIntro')}</p>
      ) : null}
      {mutation.isSuccess ? (
        <LastingSuccessNotice>{t('validations.schedule.done')}</LastingSuccessNotice>
      ) : null}
      <FormErrorAlert heading={t('validations.schedule.failed')} error={mutation.error} />
      <Form onSubmit={onSubmit} label={t('validations.schedule.heading')} formRef={formRef}>
        <SelectField
          id="schedule-mode"
          name="mode"
          label={t('validations.facts.mode')}
          options={VALIDATION_MODES.map((mode) => ({
            value: mode,
            label: t(`validations.mode.${mode}`),
          }))}
          value={draft.mode}
          error={errors.mode}
          onChange={(mode) => update({ mode: mode as ValidationMode })}
        />
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-6">
            <TextField
              id="schedule-starts"
              name="startsOn"
              type="date"
              label={t('validations.schedule.startsOn')}
              value={draft.startsOn}
              error={errors.startsOn}
              onChange={(startsOn) => update({ startsOn })}
            />
          </div>
          <div className="tablet:grid-col-6">
            <TextField
              id="schedule-ends"
              name="endsOn"
              type="date"
              label={t('validations.schedule.endsOn')}
              value={draft.endsOn}
              error={errors.endsOn}
              onChange={(endsOn) => update({ endsOn })}
            />
          </div>
        </div>
        <TextField
          id="schedule-notice"
          name="noticeSentOn"
          type="date"
          label={t('validations.schedule.noticeSentOn')}
          hint={t('validations.schedule.noticeSentOnHint')}
          value={draft.noticeSentOn}
          error={errors.noticeSentOn}
          onChange={(noticeSentOn) => update({ noticeSentOn })}
        />
        <p className="usa-hint" id="schedule-minimum" role="status">
          {t(
            notice.foreignVisit
              ? 'validations.schedule.minimumForeign'
              : 'validations.schedule.minimum',
            {
              count: notice.days,
              date: date(earliest),
            },
          )}
        </p>
        {showOverride ? (
          <TextareaField
            id="schedule-override"
            name="noticeOverrideReason"
            label={t('validations.schedule.override')}
            hint={t('validations.schedule.overrideHint', { count: notice.days })}
            maxLength={2000}
            value={draft.noticeOverrideReason}
            error={errors.noticeOverrideReason}
            onChange={(noticeOverrideReason) => update({ noticeOverrideReason })}
          />
        ) : null}

        {draft.sites.map((site, index) => {
          const foreign = siteLocation(site.countryCode) === 'foreign';
          return (
            <Fieldset
              key={site.key}
              legend={t('validations.schedule.siteN', { n: index + 1 })}
              legendStyle="large"
              className="margin-top-4 border-top-1px border-base-lighter"
            >
              <TextField
                id={`site-${index}-name`}
                name={`sites.${index}.name`}
                label={t('validations.schedule.siteName')}
                maxLength={200}
                value={site.name}
                error={errors[`sites.${index}.name`]}
                onChange={(name) => updateSite(index, { name })}
              />
              <TextField
                id={`site-${index}-address`}
                name={`sites.${index}.address`}
                label={t('validations.schedule.siteAddress')}
                maxLength={500}
                value={site.address}
                error={errors[`sites.${index}.address`]}
                onChange={(address) => updateSite(index, { address })}
              />
              <TextField
                id={`site-${index}-country`}
                name={`sites.${index}.countryCode`}
                label={t('validations.schedule.siteCountry')}
                hint={t('validations.schedule.countryCodeHint')}
                width="small"
                maxLength={2}
                value={site.countryCode}
                error={errors[`sites.${index}.countryCode`]}
                onChange={(countryCode) =>
                  updateSite(index, { countryCode: countryCode.toUpperCase() })
                }
              />
              {foreign ? (
                <SelectField
                  id={`site-${index}-mra`}
                  name={`sites.${index}.mraProgramId`}
                  label={t('validations.schedule.mraProgram')}
                  hint={t('validations.schedule.mraHint')}
                  emptyOption={t('validations.schedule.noMra')}
                  options={programOptions}
                  value={site.mraProgramId}
                  error={errors[`sites.${index}.mraProgramId`]}
                  onChange={(mraProgramId) => updateSite(index, { mraProgramId })}
                />
              ) : null}
              <TextField
                id={`site-${index}-visit`}
                name={`sites.${index}.visitOn`}
                type="date"
                label={t('validations.schedule.visitOn')}
                hint={t('validations.schedule.visitOnHint')}
                value={site.visitOn}
                error={errors[`sites.${index}.visitOn`]}
                onChange={(visitOn) => updateSite(index, { visitOn })}
              />
              <h3 className="margin-bottom-0">{t('validations.schedule.agenda')}</h3>
              {site.agenda.length === 0 ? (
                <p className="text-base-dark">{t('validations.schedule.noAgenda')}</p>
              ) : null}
              {site.agenda.map((item, line) => (
                <div key={item.key} className="grid-row grid-gap flex-align-end">
                  <div className="tablet:grid-col-3">
                    <TextField
                      id={`site-${index}-agenda-${line}-time`}
                      name={`sites.${index}.agenda.${line}.time`}
                      label={t('validations.agenda.time')}
                      hint={t('validations.schedule.timeHint')}
                      width="small"
                      maxLength={5}
                      value={item.time}
                      error={errors[`sites.${index}.agenda.${line}.time`]}
                      onChange={(time) =>
                        updateSite(index, {
                          agenda: site.agenda.map((one, i) =>
                            i === line ? { ...one, time } : one,
                          ),
                        })
                      }
                    />
                  </div>
                  <div className="tablet:grid-col-7">
                    <TextField
                      id={`site-${index}-agenda-${line}-topic`}
                      name={`sites.${index}.agenda.${line}.topic`}
                      label={t('validations.agenda.topic')}
                      maxLength={200}
                      value={item.topic}
                      error={errors[`sites.${index}.agenda.${line}.topic`]}
                      onChange={(topic) =>
                        updateSite(index, {
                          agenda: site.agenda.map((one, i) =>
                            i === line ? { ...one, topic } : one,
                          ),
                        })
                      }
                    />
                  </div>
                  <div className="tablet:grid-col-2">
                    <Button
                      variant="unstyled"
                      className="margin-bottom-1"
                      aria-label={t('validations.schedule.removeLineOf', {
                        n: line + 1,
                        site: index + 1,
                      })}
                      onClick={() =>
                        updateSite(index, { agenda: site.agenda.filter((_, i) => i !== line) })
                      }
                    >
                      {t('validations.schedule.remove')}
                    </Button>
                  </div>
                </div>
              ))}
              <p>
                <Button
                  variant="outline"
                  onClick={() =>
                    updateSite(index, {
                      agenda: [...site.agenda, { key: newKey(), time: '09:00', topic: '' }],
                    })
                  }
                >
                  {t('validations.schedule.addLine')}
                </Button>
                {draft.sites.length > 1 ? (
                  <Button
                    variant="unstyled"
                    onClick={() => update({ sites: draft.sites.filter((_, i) => i !== index) })}
                  >
                    {t('validations.schedule.removeSite', { n: index + 1 })}
                  </Button>
                ) : null}
              </p>
            </Fieldset>
          );
        })}
        <p>
          <Button
            variant="outline"
            onClick={() => update({ sites: [...draft.sites, emptySite()] })}
          >
            {t('validations.schedule.addSite')}
          </Button>
        </p>

        {draft.participants.map((person, index) => (
          <Fieldset
            key={person.key}
            legend={t('validations.schedule.participantN', { n: index + 1 })}
            legendStyle="large"
            className="margin-top-4 border-top-1px border-base-lighter"
          >
            <SelectField
              id={`participant-${index}-side`}
              name={`participants.${index}.side`}
              label={t('validations.schedule.side')}
              options={PARTICIPANT_SIDES.map((side) => ({
                value: side,
                label: t(`validations.side.${side}`),
              }))}
              value={person.side}
              onChange={(side) => updatePerson(index, { side: side as ParticipantSide })}
            />
            <TextField
              id={`participant-${index}-name`}
              name={`participants.${index}.name`}
              label={t('validations.schedule.personName')}
              maxLength={200}
              value={person.name}
              error={errors[`participants.${index}.name`]}
              onChange={(name) => updatePerson(index, { name })}
            />
            <TextField
              id={`participant-${index}-title`}
              name={`participants.${index}.title`}
              label={t('validations.schedule.personTitle')}
              maxLength={200}
              value={person.title}
              error={errors[`participants.${index}.title`]}
              onChange={(title) => updatePerson(index, { title })}
            />
            <TextField
              id={`participant-${index}-email`}
              name={`participants.${index}.email`}
              type="email"
              label={t('validations.schedule.personEmail')}
              value={person.email}
              error={errors[`participants.${index}.email`]}
              onChange={(email) => updatePerson(index, { email })}
            />
            <TextField
              id={`participant-${index}-phone`}
              name={`participants.${index}.phone`}
              type="tel"
              label={t('validations.schedule.personPhone')}
              maxLength={40}
              value={person.phone}
              error={errors[`participants.${index}.phone`]}
              onChange={(phone) => updatePerson(index, { phone })}
            />
            {draft.participants.length > 1 ? (
              <Button
                variant="unstyled"
                onClick={() =>
                  update({ participants: draft.participants.filter((_, i) => i !== index) })
                }
              >
                {t('validations.schedule.removeParticipant', { n: index + 1 })}
              </Button>
            ) : null}
          </Fieldset>
        ))}
        <p>
          <Button
            variant="outline"
            onClick={() =>
              update({ participants: [...draft.participants, emptyParticipant('member')] })
            }
          >
            {t('validations.schedule.addParticipant')}
          </Button>
        </p>
        <SubmitButton
          label={
            validation.status === 'scheduled'
              ? t('validations.schedule.resubmit')
              : t('validations.schedule.submit')
          }
          pendingLabel={t('forms.saving')}
          pending={mutation.isPending}
        />
      </Form>
    </section>
  );
}
