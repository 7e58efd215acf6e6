import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CompanyProfile } from '../../../../domain/registry/profile/company-profile.schema.ts';
import { Tag } from '../../../components/ui/tag.tsx';

export interface ProfileReadiness {
  headquarters: boolean;
  primaryContact: boolean;
}

/** What the submission needs from the company profile: a headquarters address, a primary contact. */
export function profileReadiness(profile: CompanyProfile | null): ProfileReadiness {
  return {
    headquarters: profile?.addresses.some((address) => address.kind === 'headquarters') ?? false,
    primaryContact: profile?.contacts.some((contact) => contact.role === 'primary') ?? false,
  };
}

export function profileReady(readiness: ProfileReadiness): boolean {
  return readiness.headquarters && readiness.primaryContact;
}

function Check({ done, label }: { done: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <li className="margin-bottom-1">
      {label}:{' '}
      {done ? (
        <Tag tone="success">{t('registry.profile.recorded')}</Tag>
      ) : (
        <Tag tone="error">{t('registry.profile.missing')}</Tag>
      )}
    </li>
  );
}

/**
 * Step 4: whether the company profile (/company/profile) has what the submission requires —
 * a headquarters address and a primary contact — with the link to complete it.
 */
export function ProfileStep({ profile }: { profile: CompanyProfile | null }) {
  const { t } = useTranslation();
  const readiness = profileReadiness(profile);
  const headquarters = profile?.addresses.find((address) => address.kind === 'headquarters');
  const primary = profile?.contacts.find((contact) => contact.role === 'primary');
  return (
    <>
      <p>{t('registry.profile.intro')}</p>
      <ul className="usa-list usa-list--unstyled">
        <Check done={readiness.headquarters} label={t('registry.profile.headquarters')} />
        <Check done={readiness.primaryContact} label={t('registry.profile.primaryContact')} />
      </ul>
      {headquarters ? (
        <p className="margin-y-1">
          {t('registry.profile.headquartersAt', {
            address: [headquarters.line1, headquarters.city, headquarters.countryCode].join(', '),
          })}
        </p>
      ) : null}
      {primary ? (
        <p className="margin-y-1">
          {t('registry.profile.primaryContactIs', { name: primary.fullName, email: primary.email })}
        </p>
      ) : null}
      <p>
        <Link to="/company/profile" className="usa-link">
          {profileReady(readiness) ? t('registry.profile.review') : t('registry.profile.complete')}
        </Link>
      </p>
    </>
  );
}
