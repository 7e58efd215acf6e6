import type { CompanyAddressBody } from '../../domain/registry/profile/company-profile.schema.ts';

/**
 * The demo member companies' profiles (issue 4, item 4): a few facts, the headquarters and the
 * primary contact, who must be a company officer (CTPAT Portal, ctpat-program.md §3.1). Only the
 * companies with a demo company officer get one: the others have nobody who could answer for
 * the profile, and a journey that applies from scratch fills theirs in (tests/e2e). Fictional
 * addresses; the 555-01xx numbers are reserved for fiction.
 */
export interface DemoCompanyProfile {
  /** The demo organisation key (demo-organisations.ts). */
  organisation: string;
  yearEstablished: number;
  employeeCount: number;
  website: string;
  telephone: string;
  businessHistory: string;
  headquarters: Omit<CompanyAddressBody, 'kind' | 'label' | 'line2'>;
  /** The demo account (demo-accounts.ts key) of the officer who is the primary contact. */
  primaryContact: { account: string; title: string; telephone: string };
}

export const DEMO_COMPANY_PROFILES: readonly DemoCompanyProfile[] = [
  {
    organisation: 'member/great-lakes-home-goods',
    yearEstablished: 1987,
    employeeCount: 240,
    website: 'https://greatlakes.example.com',
    telephone: '+1 312 555 0100',
    businessHistory:
      'Family-owned importer of housewares and home textiles, sourcing from Asia and Mexico.',
    headquarters: {
      line1: '401 North Wabash Avenue',
      city: 'Chicago',
      region: 'IL',
      postalCode: '60611',
      countryCode: 'US',
    },
    primaryContact: {
      account: 'user/officer-great-lakes',
      title: 'Vice President, Trade Compliance',
      telephone: '+1 312 555 0101',
    },
  },
  {
    organisation: 'member/transportes-del-norte',
    yearEstablished: 1998,
    employeeCount: 310,
    website: 'https://tnf.example.com',
    telephone: '+52 867 555 0130',
    businessHistory: 'Transportista de carga transfronteriza entre Nuevo Laredo y Laredo.',
    headquarters: {
      line1: 'Carretera Nacional km 12',
      city: 'Nuevo Laredo',
      region: 'Tamaulipas',
      postalCode: '88000',
      countryCode: 'MX',
    },
    primaryContact: {
      account: 'user/officer-transportes-del-norte',
      title: 'Director de Operaciones',
      telephone: '+52 867 555 0131',
    },
  },
];
