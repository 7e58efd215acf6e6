import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type CompanyAddressBodySchema,
  CompanyAddressSchema,
  type CompanyContactBodySchema,
  CompanyContactSchema,
  type CompanyProfileBodySchema,
  CompanyProfileSchema,
} from '../../../../domain/registry/profile/company-profile.schema.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

export const companyProfileKeys = {
  own: (organisationId: string) => ['company-profile', organisationId] as const,
};

/** The profile of the company the session acts for (the key names it: switching changes it). */
export function companyProfileQuery(organisationId: string) {
  return queryOptions({
    queryKey: companyProfileKeys.own(organisationId),
    queryFn: ({ signal }) => apiGet('/api/v1/registry/profile', CompanyProfileSchema, { signal }),
  });
}

/** The request bodies as sent: the server trims them and turns blanks into null. */
export type ProfileInput = z.input<typeof CompanyProfileBodySchema>;
export type AddressInput = z.input<typeof CompanyAddressBodySchema>;
export type ContactInput = z.input<typeof CompanyContactBodySchema>;

export function saveCompanyProfile(body: ProfileInput) {
  return apiSend('PUT', '/api/v1/registry/profile', CompanyProfileSchema, body);
}

export function addAddress(body: AddressInput) {
  return apiSend('POST', '/api/v1/registry/profile/addresses', CompanyAddressSchema, body);
}

export function updateAddress(addressId: string, body: AddressInput) {
  return apiSend(
    'PUT',
    `/api/v1/registry/profile/addresses/${encodeURIComponent(addressId)}`,
    CompanyAddressSchema,
    body,
  );
}

export function removeAddress(addressId: string) {
  return apiSend(
    'DELETE',
    `/api/v1/registry/profile/addresses/${encodeURIComponent(addressId)}`,
    z.null(),
  );
}

export function addContact(body: ContactInput) {
  return apiSend('POST', '/api/v1/registry/profile/contacts', CompanyContactSchema, body);
}

export function updateContact(contactId: string, body: ContactInput) {
  return apiSend(
    'PUT',
    `/api/v1/registry/profile/contacts/${encodeURIComponent(contactId)}`,
    CompanyContactSchema,
    body,
  );
}

export function removeContact(contactId: string) {
  return apiSend(
    'DELETE',
    `/api/v1/registry/profile/contacts/${encodeURIComponent(contactId)}`,
    z.null(),
  );
}
