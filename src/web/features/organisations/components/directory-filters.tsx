import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../../../domain/organisations/organisation.schema.ts';
import { FilterActions } from '../../../components/filter-actions.tsx';
import { Form, SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import type { OrganisationFilter } from '../api/organisations-api.ts';

export interface DirectoryFiltersProps {
  initial: OrganisationFilter;
  onApply: (filter: OrganisationFilter) => void;
}

function kindFrom(value: string): OrganisationKind | undefined {
  return ORGANISATION_KINDS.find((kind) => kind === value);
}

/** Kind and name filters; applied on submit so each search is one request and one URL. */
export function DirectoryFilters({ initial, onApply }: DirectoryFiltersProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>(initial.kind ?? '');
  const [name, setName] = useState(initial.q ?? '');
  const filtered = initial.kind !== undefined || initial.q !== undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = name.trim();
    onApply({ kind: kindFrom(kind), q: q === '' ? undefined : q });
  };

  return (
    <Form onSubmit={submit} label={t('organisations.filtersLabel')} search>
      <SelectField
        id="directory-kind"
        name="kind"
        label={t('organisations.kindLabel')}
        value={kind}
        onChange={setKind}
        emptyOption={t('organisations.kindAll')}
        options={ORGANISATION_KINDS.map((value) => ({
          value,
          label: t(`organisationKindsPlural.${value}`),
        }))}
      />
      <TextField
        id="directory-name"
        name="q"
        label={t('organisations.nameLabel')}
        hint={t('organisations.nameHint')}
        value={name}
        onChange={setName}
        maxLength={200}
      />
      <FilterActions
        applyLabel={t('organisations.apply')}
        clearLabel={t('organisations.clear')}
        filtered={filtered}
        onClear={() => onApply({})}
      />
    </Form>
  );
}
