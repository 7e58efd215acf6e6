import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { generateReadinessPackage, ownDocumentsQuery } from '../api/validation-documents-api.ts';
import { GeneratePackageForm, PackageList } from './validation-documents-panel.tsx';

/**
 * The member's readiness check (issue 6, item 3: "A member can also generate it ahead of time as
 * a readiness check"): the standard preparation package made from the company's current Security
 * Profile with no validation scheduled, and the checks generated so far. For the member's
 * validations page; `canGenerate` is the page's (validation:read, a company with a profile: the
 * server says so when there is none).
 */
export function ReadinessCheckPanel({ canGenerate }: { canGenerate: boolean }) {
  const { t } = useTranslation();
  const documents = useQuery(ownDocumentsQuery());
  return (
    <section aria-labelledby="readiness-check-heading" className="margin-top-4">
      <h2 id="readiness-check-heading">{t('validationPackage.readiness.heading')}</h2>
      <p className="measure-5">{t('validationPackage.readiness.intro')}</p>
      {canGenerate ? (
        <GeneratePackageForm
          idPrefix="readiness-check"
          label={t('validationPackage.readiness.heading')}
          submitLabel={t('validationPackage.readiness.generate')}
          generate={generateReadinessPackage}
        />
      ) : null}
      <PackageList
        side="member"
        query={documents}
        caption={t('validationPackage.readiness.caption')}
        emptyText={t('validationPackage.readiness.none')}
        filter={(document) => document.validationId === null}
      />
    </section>
  );
}
