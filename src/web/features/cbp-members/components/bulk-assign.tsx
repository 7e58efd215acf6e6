import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField, type SelectOption } from '../../../components/ui/form-fields.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useBulkTransition } from '../api/cbp-members-api.ts';

const RefusedSchema = z.object({
  refused: z.array(
    z.object({ organisationId: z.string(), legalName: z.string(), message: z.string() }),
  ),
});

/** The members a bulk action could not move (the API's error.details.refused). */
function refusedOf(error: Error | null) {
  if (!(error instanceof ApiError)) {
    return [];
  }
  const parsed = RefusedSchema.safeParse(error.details);
  return parsed.success ? parsed.data.refused : [];
}

/**
 * Assigns the selected members to one specialist, after a confirmation that states how many
 * ("Assign 12 members to Dana Cruz?"): the count confirmed is sent as expectedCount, so the
 * server refuses if the selection is not the one confirmed. All or nothing: a member that cannot
 * be assigned is listed with its reason and nobody is assigned.
 */
export function BulkAssign({
  selected,
  specialists,
  onDone,
}: {
  selected: readonly string[];
  specialists: readonly SelectOption[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const baseId = useId().replaceAll(':', '');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const [specialist, setSpecialist] = useState('');
  const [missingSpecialist, setMissingSpecialist] = useState(false);
  const [assigned, setAssigned] = useState<number | null>(null);
  const bulk = useBulkTransition();
  const refused = refusedOf(bulk.error);
  const specialistName = specialists.find((option) => option.value === specialist)?.label ?? '';
  const count = selected.length;

  const open = () => {
    if (specialist === '') {
      setMissingSpecialist(true);
      document.getElementById(`${baseId}-specialist`)?.focus();
      return;
    }
    setMissingSpecialist(false);
    bulk.reset();
    dialogRef.current?.showModal();
  };
  const close = () => dialogRef.current?.close();

  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (bulk.isPending) {
      return;
    }
    bulk.mutate(
      {
        organisationIds: [...selected],
        transition: 'assign_specialist',
        specialistUserId: specialist,
      },
      {
        onSuccess: () => {
          setAssigned(count);
          close();
          onDone();
        },
      },
    );
  };

  const headingId = `${baseId}-heading`;
  return (
    <section aria-labelledby={`${baseId}-section`} className="margin-y-3">
      <h2 id={`${baseId}-section`} className="font-heading-md">
        {t('cbpMembers.bulk.heading')}
      </h2>
      {assigned !== null ? (
        <Alert type="success" slim role="status">
          {t('cbpMembers.bulk.done', { count: assigned })}
        </Alert>
      ) : null}
      <p className="margin-y-1">{t('cbpMembers.bulk.selected', { count })}</p>
      <div className="display-flex flex-align-end flex-wrap">
        <div className="margin-right-2">
          <SelectField
            id={`${baseId}-specialist`}
            name="specialistUserId"
            label={t('cbpMembers.bulk.specialist')}
            value={specialist}
            onChange={(value) => {
              setSpecialist(value);
              setMissingSpecialist(false);
            }}
            emptyOption={t('cbpMembers.bulk.chooseSpecialist')}
            options={specialists}
            error={missingSpecialist ? t('cbpMembers.bulk.specialistRequired') : undefined}
          />
        </div>
        <Button
          ref={openerRef}
          aria-disabled={count === 0}
          onClick={count === 0 ? undefined : open}
        >
          {t('cbpMembers.bulk.assign', { count })}
        </Button>
      </div>
      <dialog
        ref={dialogRef}
        aria-labelledby={headingId}
        className="radius-md border-0 shadow-3 padding-4 maxw-tablet width-full"
        onClose={() => openerRef.current?.focus()}
      >
        <h2 id={headingId} className="margin-top-0">
          {t('cbpMembers.bulk.question', { count, specialist: specialistName })}
        </h2>
        <p>{t('cbpMembers.bulk.allOrNothing')}</p>
        {refused.length > 0 ? (
          <Alert
            type="error"
            heading={t('cbpMembers.bulk.refusedHeading', { count: refused.length })}
            headingLevel="h3"
            role="alert"
          >
            <ul className="margin-bottom-0">
              {refused.map((entry) => (
                <li key={entry.organisationId}>
                  <strong>{entry.legalName || entry.organisationId}</strong>: {entry.message}
                </li>
              ))}
            </ul>
          </Alert>
        ) : (
          <FormErrorAlert heading={t('cbpMembers.bulk.failed')} error={bulk.error} />
        )}
        <form onSubmit={confirm} noValidate>
          <SubmitButton
            label={t('cbpMembers.bulk.confirm', { count })}
            pendingLabel={t('cbpMembers.bulk.sending')}
            pending={bulk.isPending}
          />
          <Button variant="unstyled" className="margin-left-2" onClick={close}>
            {t('confirm.cancel')}
          </Button>
        </form>
      </dialog>
    </section>
  );
}
