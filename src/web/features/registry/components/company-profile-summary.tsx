import { useTranslation } from 'react-i18next';
import type { CompanyProfile } from '../../../../domain/registry/profile/company-profile.schema.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';

/** A member's company profile as CBP reads it in the file: names, addresses and contacts. */
export function CompanyProfileSummary({ profile }: { profile: CompanyProfile }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section aria-labelledby="member-profile" className="margin-bottom-5">
      <h2 id="member-profile">{t('registry.memberFile.profileHeading')}</h2>
      {profile.otherNames.length > 0 ? (
        <p>{t('registry.memberFile.otherNames', { names: format.list(profile.otherNames) })}</p>
      ) : null}
      {profile.businessHistory ? <p>{profile.businessHistory}</p> : null}
      <h3>{t('registry.memberFile.addresses')}</h3>
      {profile.addresses.length === 0 ? (
        <p>{t('registry.memberFile.noAddresses')}</p>
      ) : (
        <ul className="usa-list">
          {profile.addresses.map((address) => (
            <li key={address.id}>
              <strong>{t(`registry.addressKinds.${address.kind}`)}</strong>
              {address.label ? ` (${address.label})` : ''}:{' '}
              {[
                address.line1,
                address.line2,
                address.city,
                address.region,
                address.postalCode,
                format.countryName(address.countryCode),
              ]
                .filter(Boolean)
                .join(', ')}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('registry.memberFile.contacts')}</h3>
      {profile.contacts.length === 0 ? (
        <p>{t('registry.memberFile.noContacts')}</p>
      ) : (
        <ul className="usa-list">
          {profile.contacts.map((contact) => (
            <li key={contact.id}>
              <strong>{t(`registry.contactRoles.${contact.role}`)}</strong>: {contact.fullName}
              {contact.title ? `, ${contact.title}` : ''} — {contact.email}
              {contact.telephone ? `, ${contact.telephone}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
