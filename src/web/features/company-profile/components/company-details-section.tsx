import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  BUSINESS_HISTORY_MAX,
  type CompanyProfile,
  TELEPHONE_MAX,
  WEBSITE_MAX,
  YEAR_ESTABLISHED_MIN,
} from '../../../../domain/registry/profile/company-profile.schema.ts';
import { FormSection, RequestForm, SuccessNotice } from '../../../components/request-form.tsx';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { companyProfileKeys, saveCompanyProfile } from '../api/company-profile-api.ts';
import { TextareaField } from './textarea-field.tsx';

type DetailsValues = {
  otherNames: string;
  yearEstablished: string;
  businessHistory: string;
  website: string;
  telephone: string;
  employeeCount: string;
};

function valuesOf(profile: CompanyProfile): DetailsValues {
  return {
    otherNames: profile.otherNames.join('\n'),
    yearEstablished: profile.yearEstablished?.toString() ?? '',
    businessHistory: profile.businessHistory ?? '',
    website: profile.website ?? '',
    telephone: profile.telephone ?? '',
    employeeCount: profile.employeeCount?.toString() ?? '',
  };
}

const WHOLE_NUMBER = /^\d+$/;

function numberOrNull(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/** The profile's own fields: a form for those who manage it, a summary for everyone else. */
export function CompanyDetailsSection({
  profile,
  canManage,
}: {
  profile: CompanyProfile;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  return (
    <FormSection id="company-details" heading={t('companyProfile.details.heading')}>
      {canManage ? <DetailsForm profile={profile} /> : <DetailsSummary profile={profile} />}
    </FormSection>
  );
}

function DetailsSummary({ profile }: { profile: CompanyProfile }) {
  const { t } = useTranslation();
  const notGiven = t('companyProfile.notGiven');
  const rows: Array<[string, string]> = [
    [t('companyProfile.details.legalName'), profile.legalName],
    [
      t('companyProfile.details.otherNames'),
      profile.otherNames.length > 0 ? profile.otherNames.join('; ') : notGiven,
    ],
    [t('companyProfile.details.yearEstablished'), profile.yearEstablished?.toString() ?? notGiven],
    [t('companyProfile.details.employeeCount'), profile.employeeCount?.toString() ?? notGiven],
    [t('companyProfile.details.website'), profile.website ?? notGiven],
    [t('companyProfile.details.telephone'), profile.telephone ?? notGiven],
    [t('companyProfile.details.businessHistory'), profile.businessHistory ?? notGiven],
  ];
  return (
    <dl className="margin-top-0">
      {rows.map(([term, value]) => (
        <div key={term} className="margin-bottom-2">
          <dt className="text-bold">{term}</dt>
          <dd className="margin-left-0" style={{ whiteSpace: 'pre-line' }}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function DetailsForm({ profile }: { profile: CompanyProfile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const thisYear = new Date().getFullYear();
  const form = useApiForm({
    initial: valuesOf(profile),
    validate: (values) => {
      const errors: FieldErrors<DetailsValues> = {};
      const year = values.yearEstablished.trim();
      if (year !== '' && (!WHOLE_NUMBER.test(year) || Number(year) < YEAR_ESTABLISHED_MIN)) {
        errors.yearEstablished = t('companyProfile.details.yearInvalid', {
          min: YEAR_ESTABLISHED_MIN,
        });
      } else if (year !== '' && Number(year) > thisYear) {
        errors.yearEstablished = t('companyProfile.details.yearFuture');
      }
      const count = values.employeeCount.trim();
      if (count !== '' && !WHOLE_NUMBER.test(count)) {
        errors.employeeCount = t('companyProfile.details.countInvalid');
      }
      return errors;
    },
    submit: (values) =>
      saveCompanyProfile({
        otherNames: values.otherNames
          .split('\n')
          .map((name) => name.trim())
          .filter((name) => name !== ''),
        yearEstablished: numberOrNull(values.yearEstablished),
        businessHistory: values.businessHistory,
        website: values.website.trim(),
        telephone: values.telephone.trim(),
        employeeCount: numberOrNull(values.employeeCount),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(companyProfileKeys.own(saved.organisationId), saved);
    },
  });
  return (
    <>
      {form.result ? <SuccessNotice>{t('companyProfile.details.saved')}</SuccessNotice> : null}
      <RequestForm
        form={form}
        label={t('companyProfile.details.heading')}
        failedHeading={t('companyProfile.details.failed')}
        submitLabel={t('companyProfile.details.save')}
        pendingLabel={t('forms.saving')}
      >
        <p className="margin-bottom-0">
          <span className="text-bold">{t('companyProfile.details.legalName')}: </span>
          {profile.legalName}
        </p>
        <TextareaField
          id="company-other-names"
          name="otherNames"
          label={t('companyProfile.details.otherNames')}
          hint={t('companyProfile.details.otherNamesHint')}
          value={form.values.otherNames}
          error={form.errors.otherNames}
          onChange={(value) => form.set('otherNames', value)}
        />
        <TextField
          id="company-year-established"
          name="yearEstablished"
          label={t('companyProfile.details.yearEstablished')}
          inputMode="numeric"
          width="small"
          maxLength={4}
          value={form.values.yearEstablished}
          error={form.errors.yearEstablished}
          onChange={(value) => form.set('yearEstablished', value)}
        />
        <TextField
          id="company-employee-count"
          name="employeeCount"
          label={t('companyProfile.details.employeeCount')}
          inputMode="numeric"
          width="medium"
          maxLength={8}
          value={form.values.employeeCount}
          error={form.errors.employeeCount}
          onChange={(value) => form.set('employeeCount', value)}
        />
        <TextField
          id="company-website"
          name="website"
          type="url"
          label={t('companyProfile.details.website')}
          hint={t('companyProfile.details.websiteHint')}
          autoComplete="url"
          maxLength={WEBSITE_MAX}
          value={form.values.website}
          error={form.errors.website}
          onChange={(value) => form.set('website', value)}
        />
        <TextField
          id="company-telephone"
          name="telephone"
          type="tel"
          label={t('companyProfile.details.telephone')}
          autoComplete="tel"
          width="medium"
          maxLength={TELEPHONE_MAX}
          value={form.values.telephone}
          error={form.errors.telephone}
          onChange={(value) => form.set('telephone', value)}
        />
        <TextareaField
          id="company-business-history"
          name="businessHistory"
          label={t('companyProfile.details.businessHistory')}
          hint={t('companyProfile.details.businessHistoryHint')}
          maxLength={BUSINESS_HISTORY_MAX}
          value={form.values.businessHistory}
          error={form.errors.businessHistory}
          onChange={(value) => form.set('businessHistory', value)}
        />
      </RequestForm>
    </>
  );
}
