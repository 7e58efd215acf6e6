import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  buildMid,
  type MidBuildResult,
  type MidInputField,
} from '../../../../domain/registry/identifiers/manufacturer-identification-code.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/form-fields.tsx';

interface MidFields {
  countryCode: string;
  provinceCode: string;
  manufacturerName: string;
  streetAddress: string;
  city: string;
}

const EMPTY: MidFields = {
  countryCode: '',
  provinceCode: '',
  manufacturerName: '',
  streetAddress: '',
  city: '',
};

/**
 * Builds a manufacturer identification code from the manufacturer's country, name, street
 * address and city with the domain's generator (19 CFR 102 Appendix; buildMid), shows how each
 * part was made, and hands the result to the MID field. The builder runs in the browser: the
 * server validates the MID again when the draft is saved.
 */
export function MidBuilder({
  idPrefix,
  onUse,
}: {
  idPrefix: string;
  onUse: (mid: string) => void;
}) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<MidFields>(EMPTY);
  const [result, setResult] = useState<MidBuildResult | null>(null);
  const set = (name: keyof MidFields, value: string) =>
    setFields((current) => ({ ...current, [name]: value }));
  const problemFor = (field: MidInputField): string | undefined =>
    result && !result.ok
      ? result.problems
          .filter((problem) => problem.field === field)
          .map((problem) => problem.message)
          .join('; ') || undefined
      : undefined;
  const build = () => {
    setResult(
      buildMid({
        countryCode: fields.countryCode.trim(),
        provinceCode: fields.provinceCode.trim() === '' ? null : fields.provinceCode.trim(),
        manufacturerName: fields.manufacturerName,
        streetAddress: fields.streetAddress,
        city: fields.city,
      }),
    );
  };
  const headingId = `${idPrefix}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      className="border-1px border-base-lighter radius-md padding-2 margin-top-2"
    >
      <h4 id={headingId} className="margin-top-0">
        {t('registry.mid.heading')}
      </h4>
      <p className="margin-y-1">{t('registry.mid.intro')}</p>
      <TextField
        id={`${idPrefix}-country`}
        name="countryCode"
        label={t('registry.mid.country')}
        hint={t('registry.mid.countryHint')}
        width="small"
        maxLength={2}
        value={fields.countryCode}
        error={problemFor('countryCode')}
        onChange={(value) => set('countryCode', value.toUpperCase())}
      />
      {fields.countryCode.trim().toUpperCase() === 'CA' ? (
        <TextField
          id={`${idPrefix}-province`}
          name="provinceCode"
          label={t('registry.mid.province')}
          hint={t('registry.mid.provinceHint')}
          width="small"
          maxLength={2}
          value={fields.provinceCode}
          error={problemFor('provinceCode')}
          onChange={(value) => set('provinceCode', value.toUpperCase())}
        />
      ) : null}
      <TextField
        id={`${idPrefix}-name`}
        name="manufacturerName"
        label={t('registry.mid.name')}
        value={fields.manufacturerName}
        maxLength={200}
        error={problemFor('manufacturerName')}
        onChange={(value) => set('manufacturerName', value)}
      />
      <TextField
        id={`${idPrefix}-street`}
        name="streetAddress"
        label={t('registry.mid.street')}
        hint={t('registry.mid.streetHint')}
        value={fields.streetAddress}
        maxLength={200}
        error={problemFor('streetAddress')}
        onChange={(value) => set('streetAddress', value)}
      />
      <TextField
        id={`${idPrefix}-city`}
        name="city"
        label={t('registry.mid.city')}
        value={fields.city}
        maxLength={100}
        error={problemFor('city')}
        onChange={(value) => set('city', value)}
      />
      <Button variant="outline" className="margin-top-2" onClick={build}>
        {t('registry.mid.build')}
      </Button>
      {result?.ok ? (
        <div role="status" className="margin-top-2">
          <p className="margin-y-1">
            {t('registry.mid.result')} <strong className="font-mono-sm">{result.value}</strong>
          </p>
          <ul className="usa-list font-sans-2xs">
            {result.steps.map((step) => (
              <li key={step.part}>
                {t(`registry.mid.parts.${step.part}`)}: “{step.input}” →{' '}
                <span className="font-mono-2xs">{step.output === '' ? '—' : step.output}</span>{' '}
                <span className="text-base-dark">({step.explanation})</span>
              </li>
            ))}
          </ul>
          {result.warnings.map((warning) => (
            <Alert key={warning} type="warning" slim>
              <p className="margin-y-0">{warning}</p>
            </Alert>
          ))}
          <Button className="margin-top-1" onClick={() => onUse(result.value)}>
            {t('registry.mid.use', { mid: result.value })}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
