import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogCriterion } from '../../../../domain/criteria/catalog.schema.ts';
import { FilterActions } from '../../../components/filter-actions.tsx';
import { Form, SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import type { EvidenceFilter } from '../api/evidence-api.ts';
import { criterionOptionLabel } from './criterion-label.ts';

const SHOW = ['expiring', 'expired', 'unlinked'] as const;

function showFrom(value: string): EvidenceFilter['show'] {
  return SHOW.find((option) => option === value);
}

export interface EvidenceFiltersProps {
  initial: EvidenceFilter;
  criteria: readonly CatalogCriterion[];
  onApply: (filter: EvidenceFilter) => void;
}

/** Title, criterion and the warnings worth a look; applied on submit (one request each). */
export function EvidenceFilters({ initial, criteria, onApply }: EvidenceFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(initial.q ?? '');
  const [criterionId, setCriterionId] = useState(initial.criterionId ?? '');
  const [show, setShow] = useState<string>(initial.show ?? '');
  const filtered =
    initial.q !== undefined || initial.criterionId !== undefined || initial.show !== undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const title = q.trim();
    onApply({
      q: title === '' ? undefined : title,
      criterionId: criterionId === '' ? undefined : criterionId,
      show: showFrom(show),
    });
  };

  return (
    <Form onSubmit={submit} label={t('evidence.filters.label')} search>
      <TextField
        id="evidence-filter-q"
        name="q"
        label={t('evidence.filters.q')}
        value={q}
        onChange={setQ}
        maxLength={200}
      />
      <SelectField
        id="evidence-filter-criterion"
        name="criterionId"
        label={t('evidence.filters.criterion')}
        value={criterionId}
        onChange={setCriterionId}
        emptyOption={t('evidence.filters.criterionAll')}
        options={criteria.map((criterion) => ({
          value: criterion.id,
          label: criterionOptionLabel(criterion),
        }))}
      />
      <SelectField
        id="evidence-filter-show"
        name="show"
        label={t('evidence.filters.show')}
        value={show}
        onChange={setShow}
        emptyOption={t('evidence.filters.showAll')}
        options={SHOW.map((value) => ({ value, label: t(`evidence.filters.${value}`) }))}
      />
      <FilterActions
        applyLabel={t('evidence.filters.apply')}
        clearLabel={t('evidence.filters.clear')}
        filtered={filtered}
        onClear={() => onApply({})}
      />
    </Form>
  );
}
