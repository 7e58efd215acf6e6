import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES } from '../../../../domain/organisations/entity-types.ts';
import {
  MEMBERSHIP_STATUSES,
  REVIEW_STEPS,
} from '../../../../domain/registry/lifecycle/membership-states.ts';
import { MEMBER_SORTS } from '../../../../domain/registry/member-queue.schema.ts';
import { FilterActions } from '../../../components/filter-actions.tsx';
import {
  Form,
  SelectField,
  type SelectFieldProps,
  type SelectOption,
  TextField,
} from '../../../components/ui/form-fields.tsx';
import { type CbpMembersSearch, CbpMembersSearchSchema } from '../api/cbp-members-search.ts';

/** A filter in a third of the row (desktop), half (tablet). */
function Cell({ children }: { children: ReactNode }) {
  return <div className="tablet:grid-col-6 desktop:grid-col-4">{children}</div>;
}

function FilterSelect(props: SelectFieldProps) {
  return (
    <Cell>
      <SelectField {...props} />
    </Cell>
  );
}

/**
 * The queue's filters and order. Applying puts them in the address (the page reads them from
 * there), so a filtered queue can be bookmarked and shared.
 */
export function MemberFilters({
  initial,
  specialists,
  offices,
  onApply,
}: {
  initial: CbpMembersSearch;
  specialists: readonly SelectOption[];
  offices: readonly SelectOption[];
  onApply: (search: CbpMembersSearch) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    q: initial.q ?? '',
    identifier: initial.identifier ?? '',
    state: initial.state ?? '',
    reviewStep: initial.reviewStep ?? '',
    tier: initial.tier ?? '',
    entityType: initial.entityType ?? '',
    specialist: initial.specialist ?? '',
    cbpOfficeId: initial.cbpOfficeId ?? '',
    suspensionRisk: initial.suspensionRisk ?? '',
    sort: initial.sort ?? 'name',
  });
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const filtered = Object.entries(initial).some(
    ([field, value]) => value !== undefined && field !== 'sort',
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const entries = Object.entries(values).filter(
      ([field, value]) => value !== '' && !(field === 'sort' && value === 'name'),
    );
    // The same schema as the address: a value the page cannot use is dropped, not sent.
    onApply(CbpMembersSearchSchema.parse(Object.fromEntries(entries)));
  };

  return (
    <Form onSubmit={submit} label={t('cbpMembers.filters.label')} search className="maxw-full">
      <div className="grid-row grid-gap">
        <Cell>
          <TextField
            id="cbp-members-q"
            name="q"
            label={t('cbpMembers.filters.name')}
            value={values.q}
            maxLength={200}
            onChange={set('q')}
          />
        </Cell>
        <Cell>
          <TextField
            id="cbp-members-identifier"
            name="identifier"
            label={t('cbpMembers.filters.identifier')}
            hint={t('cbpMembers.filters.identifierHint')}
            value={values.identifier}
            maxLength={100}
            onChange={set('identifier')}
          />
        </Cell>
        <FilterSelect
          id="cbp-members-state"
          name="state"
          label={t('cbpMembers.filters.status')}
          value={values.state}
          onChange={set('state')}
          emptyOption={t('cbpMembers.filters.any')}
          options={MEMBERSHIP_STATUSES.map((value) => ({
            value,
            label: t(`registry.statuses.${value}`),
          }))}
        />
        <FilterSelect
          id="cbp-members-review-step"
          name="reviewStep"
          label={t('cbpMembers.filters.reviewStep')}
          value={values.reviewStep}
          onChange={set('reviewStep')}
          emptyOption={t('cbpMembers.filters.any')}
          options={REVIEW_STEPS.map((value) => ({
            value,
            label: t(`registry.reviewSteps.${value}`),
          }))}
        />
        <FilterSelect
          id="cbp-members-tier"
          name="tier"
          label={t('cbpMembers.filters.tier')}
          value={values.tier}
          onChange={set('tier')}
          emptyOption={t('cbpMembers.filters.any')}
          options={(['I', 'II', 'III'] as const).map((value) => ({
            value,
            label: t('cbpMembers.tier', { tier: value }),
          }))}
        />
        <FilterSelect
          id="cbp-members-entity-type"
          name="entityType"
          label={t('cbpMembers.filters.entityType')}
          value={values.entityType}
          onChange={set('entityType')}
          emptyOption={t('cbpMembers.filters.any')}
          options={ENTITY_TYPES.map((value) => ({ value, label: t(`entityTypes.${value}`) }))}
        />
        <FilterSelect
          id="cbp-members-specialist"
          name="specialist"
          label={t('cbpMembers.filters.specialist')}
          value={values.specialist}
          onChange={set('specialist')}
          emptyOption={t('cbpMembers.filters.anyone')}
          options={[
            { value: 'mine', label: t('cbpMembers.filters.mine') },
            { value: 'unassigned', label: t('cbpMembers.filters.unassigned') },
            ...specialists,
          ]}
        />
        <FilterSelect
          id="cbp-members-office"
          name="cbpOfficeId"
          label={t('cbpMembers.filters.office')}
          value={values.cbpOfficeId}
          onChange={set('cbpOfficeId')}
          emptyOption={t('cbpMembers.filters.anyOffice')}
          options={offices}
        />
        <FilterSelect
          id="cbp-members-suspension-risk"
          name="suspensionRisk"
          label={t('cbpMembers.filters.suspensionRisk')}
          value={values.suspensionRisk}
          onChange={set('suspensionRisk')}
          emptyOption={t('cbpMembers.filters.any')}
          options={[{ value: 'true', label: t('cbpMembers.filters.atRisk') }]}
        />
        <FilterSelect
          id="cbp-members-sort"
          name="sort"
          label={t('cbpMembers.filters.sort')}
          value={values.sort}
          onChange={set('sort')}
          options={MEMBER_SORTS.map((value) => ({
            value,
            label: t(`cbpMembers.sorts.${value}`),
          }))}
        />
      </div>
      <FilterActions
        applyLabel={t('cbpMembers.filters.apply')}
        clearLabel={t('cbpMembers.filters.clear')}
        filtered={filtered}
        onClear={() => onApply({})}
      />
    </Form>
  );
}
