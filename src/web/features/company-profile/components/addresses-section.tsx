import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CompanyAddress,
  CompanyProfile,
} from '../../../../domain/registry/profile/company-profile.schema.ts';
import {
  ADDRESS_KINDS,
  type AddressKind,
} from '../../../../domain/registry/profile/company-profile-vocabulary.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { RequestForm, SuccessNotice } from '../../../components/request-form.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataTable, type DataTableColumn } from '../../../components/ui/data-table.tsx';
import { SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { isBlank } from '../../../lib/validators.ts';
import {
  addAddress,
  companyProfileKeys,
  removeAddress,
  updateAddress,
} from '../api/company-profile-api.ts';

type AddressValues = {
  kind: string;
  label: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  countryCode: string;
};

const EMPTY: AddressValues = {
  kind: 'headquarters',
  label: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  countryCode: '',
};

function valuesOf(address: CompanyAddress): AddressValues {
  return {
    kind: address.kind,
    label: address.label ?? '',
    line1: address.line1,
    line2: address.line2 ?? '',
    city: address.city,
    region: address.region ?? '',
    postalCode: address.postalCode ?? '',
    countryCode: address.countryCode,
  };
}

function kindOf(value: string): AddressKind {
  return ADDRESS_KINDS.find((kind) => kind === value) ?? 'office';
}

/** The address on one line per part, as it is written on an envelope. */
function addressLines(address: CompanyAddress): string[] {
  const cityLine = [address.city, address.region, address.postalCode].filter(Boolean).join(', ');
  return [address.line1, address.line2, cityLine, address.countryCode].filter(
    (line): line is string => Boolean(line),
  );
}

/** The company's addresses: headquarters, offices, cargo-handling sites; edited by managers. */
export function AddressesSection({
  profile,
  canManage,
}: {
  profile: CompanyProfile;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<CompanyAddress | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: companyProfileKeys.own(profile.organisationId) });
  const remove = useMutation({
    mutationFn: (address: CompanyAddress) => removeAddress(address.id),
    onSuccess: refresh,
  });
  const name = (address: CompanyAddress) =>
    address.label ?? t(`companyProfile.addresses.kinds.${address.kind}`);
  const columns: DataTableColumn<CompanyAddress>[] = [
    {
      id: 'kind',
      header: t('companyProfile.addresses.columns.kind'),
      cell: (address) => (
        <>
          {t(`companyProfile.addresses.kinds.${address.kind}`)}
          {address.label ? (
            <span className="display-block font-sans-2xs text-normal">{address.label}</span>
          ) : null}
        </>
      ),
    },
    {
      id: 'address',
      header: t('companyProfile.addresses.columns.address'),
      cell: (address) => (
        <address className="font-sans-xs" style={{ fontStyle: 'normal' }}>
          {addressLines(address).map((line) => (
            <span key={line} className="display-block">
              {line}
            </span>
          ))}
        </address>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      id: 'actions',
      header: t('companyProfile.columns.actions'),
      cell: (address) => (
        <div className="display-flex flex-wrap flex-align-center">
          <Button
            variant="unstyled"
            className="margin-right-2"
            aria-label={t('companyProfile.addresses.editLabel', { name: name(address) })}
            onClick={() => setEditing(address)}
          >
            {t('companyProfile.edit')}
          </Button>
          <ConfirmButton
            label={t('companyProfile.remove')}
            accessibleLabel={t('companyProfile.addresses.removeLabel', { name: name(address) })}
            question={t('companyProfile.addresses.removeQuestion', { name: name(address) })}
            confirmLabel={t('companyProfile.removeConfirm')}
            pending={remove.isPending && remove.variables?.id === address.id}
            pendingLabel={t('companyProfile.removing')}
            onConfirm={() => remove.mutate(address)}
          />
        </div>
      ),
    });
  }
  return (
    <section aria-labelledby="company-addresses" className="margin-top-6">
      <h2 id="company-addresses">{t('companyProfile.addresses.heading')}</h2>
      <p>{t('companyProfile.addresses.intro')}</p>
      {remove.isError ? (
        <ApiErrorAlert heading={t('companyProfile.removeFailed')} error={remove.error} />
      ) : null}
      {profile.addresses.length === 0 ? (
        <p className="text-italic">{t('companyProfile.addresses.none')}</p>
      ) : (
        <DataTable
          caption={t('companyProfile.addresses.caption')}
          columns={columns}
          rows={profile.addresses}
          rowKey={(address) => address.id}
        />
      )}
      {canManage ? (
        <AddressForm
          key={editing?.id ?? 'new'}
          address={editing}
          hasHeadquarters={profile.addresses.some((address) => address.kind === 'headquarters')}
          onSaved={refresh}
          onDone={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}

function AddressForm({
  address,
  hasHeadquarters,
  onSaved,
  onDone,
}: {
  address: CompanyAddress | null;
  hasHeadquarters: boolean;
  onSaved: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Editing starts from a row's button: take the keyboard to the form it opened.
    if (address) {
      headingRef.current?.focus();
    }
  }, [address]);
  const initial = address
    ? valuesOf(address)
    : { ...EMPTY, kind: hasHeadquarters ? 'office' : 'headquarters' };
  const form = useApiForm({
    initial,
    validate: (values) => {
      const errors: FieldErrors<AddressValues> = {};
      if (isBlank(values.line1)) errors.line1 = t('forms.errors.required');
      if (isBlank(values.city)) errors.city = t('forms.errors.required');
      if (!/^[A-Za-z]{2}$/.test(values.countryCode.trim())) {
        errors.countryCode = t('companyProfile.addresses.countryInvalid');
      }
      return errors;
    },
    submit: (values) => {
      const body = {
        kind: kindOf(values.kind),
        label: values.label,
        line1: values.line1,
        line2: values.line2,
        city: values.city,
        region: values.region,
        postalCode: values.postalCode,
        countryCode: values.countryCode.trim().toUpperCase(),
      };
      return address ? updateAddress(address.id, body) : addAddress(body);
    },
    onSuccess: () => {
      onSaved();
      if (address) onDone();
    },
    resetOnSuccess: address === null,
  });
  const heading = address
    ? t('companyProfile.addresses.editHeading')
    : t('companyProfile.addresses.addHeading');
  return (
    <div className="margin-top-4">
      <h3 ref={headingRef} tabIndex={-1} id="company-address-form">
        {heading}
      </h3>
      {form.result && !address ? (
        <SuccessNotice>{t('companyProfile.addresses.added')}</SuccessNotice>
      ) : null}
      <RequestForm
        form={form}
        label={heading}
        failedHeading={t('companyProfile.addresses.failed')}
        submitLabel={address ? t('companyProfile.save') : t('companyProfile.addresses.add')}
        pendingLabel={t('forms.saving')}
      >
        <SelectField
          id="address-kind"
          name="kind"
          label={t('companyProfile.addresses.kind')}
          value={form.values.kind}
          error={form.errors.kind}
          options={ADDRESS_KINDS.map((kind) => ({
            value: kind,
            label: t(`companyProfile.addresses.kinds.${kind}`),
          }))}
          onChange={(value) => form.set('kind', value)}
        />
        <TextField
          id="address-label"
          name="label"
          label={t('companyProfile.addresses.label')}
          hint={t('companyProfile.addresses.labelHint')}
          maxLength={120}
          value={form.values.label}
          error={form.errors.label}
          onChange={(value) => form.set('label', value)}
        />
        <TextField
          id="address-line1"
          name="line1"
          label={t('companyProfile.addresses.line1')}
          autoComplete="address-line1"
          maxLength={200}
          required
          value={form.values.line1}
          error={form.errors.line1}
          onChange={(value) => form.set('line1', value)}
        />
        <TextField
          id="address-line2"
          name="line2"
          label={t('companyProfile.addresses.line2')}
          autoComplete="address-line2"
          maxLength={200}
          value={form.values.line2}
          error={form.errors.line2}
          onChange={(value) => form.set('line2', value)}
        />
        <TextField
          id="address-city"
          name="city"
          label={t('companyProfile.addresses.city')}
          autoComplete="address-level2"
          maxLength={100}
          required
          value={form.values.city}
          error={form.errors.city}
          onChange={(value) => form.set('city', value)}
        />
        <TextField
          id="address-region"
          name="region"
          label={t('companyProfile.addresses.region')}
          autoComplete="address-level1"
          maxLength={100}
          value={form.values.region}
          error={form.errors.region}
          onChange={(value) => form.set('region', value)}
        />
        <TextField
          id="address-postal-code"
          name="postalCode"
          label={t('companyProfile.addresses.postalCode')}
          autoComplete="postal-code"
          width="medium"
          maxLength={20}
          value={form.values.postalCode}
          error={form.errors.postalCode}
          onChange={(value) => form.set('postalCode', value)}
        />
        <TextField
          id="address-country"
          name="countryCode"
          label={t('companyProfile.addresses.countryCode')}
          hint={t('companyProfile.addresses.countryHint')}
          autoComplete="country"
          width="small"
          maxLength={2}
          required
          value={form.values.countryCode}
          error={form.errors.countryCode}
          onChange={(value) => form.set('countryCode', value)}
        />
      </RequestForm>
      {address ? (
        <Button variant="unstyled" className="margin-top-2" onClick={onDone}>
          {t('companyProfile.cancelEdit')}
        </Button>
      ) : null}
    </div>
  );
}
