import type { CompanyAddressBody } from '../../domain/registry/profile/company-profile.schema.ts';

/**
 * The demo member companies' profiles (issue 4, item 4): a few facts, the headquarters and the
 * primary contact, who must be a company officer (CTPAT Portal, ctpat-program.md §3.1). Only the
 * companies with a demo company officer get one (among them every company whose demo CTPAT
 * membership is past the draft, demo-registry.ts): the others have nobody who could answer for
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
  {
    organisation: 'member/autotransportes-bajio',
    yearEstablished: 1987,
    employeeCount: 420,
    website: 'https://bajio.example.com',
    telephone: '+52 477 555 0140',
    businessHistory:
      'Transportista mexicano de largo recorrido entre el Bajío y la frontera norte.',
    headquarters: {
      line1: 'Boulevard Aeropuerto 3120',
      city: 'León',
      region: 'Guanajuato',
      postalCode: '37545',
      countryCode: 'MX',
    },
    primaryContact: {
      account: 'user/officer-autotransportes-bajio',
      title: 'Directora General',
      telephone: '+52 477 555 0141',
    },
  },
  {
    organisation: 'member/pacific-crescent-lines',
    yearEstablished: 2004,
    employeeCount: 1850,
    website: 'https://pcl.example.com',
    telephone: '+65 6555 0150',
    businessHistory: 'Container line serving Southeast Asia and the U.S. West Coast.',
    headquarters: {
      line1: '80 Robinson Road',
      city: 'Singapore',
      region: null,
      postalCode: '068898',
      countryCode: 'SG',
    },
    primaryContact: {
      account: 'user/officer-pacific-crescent-lines',
      title: 'Head of Security and Compliance',
      telephone: '+65 6555 0151',
    },
  },
  {
    organisation: 'member/gulf-coast-terminal-partners',
    yearEstablished: 1996,
    employeeCount: 530,
    website: 'https://gulfcoastterminal.example.com',
    telephone: '+1 713 555 0160',
    businessHistory: 'Container and break-bulk terminal operator on the Houston Ship Channel.',
    headquarters: {
      line1: '1500 Terminal Road',
      city: 'Houston',
      region: 'TX',
      postalCode: '77029',
      countryCode: 'US',
    },
    primaryContact: {
      account: 'user/officer-gulf-coast-terminal-partners',
      title: 'Director of Port Security',
      telephone: '+1 713 555 0161',
    },
  },
  {
    organisation: 'member/manufacturas-electronicas-juarez',
    yearEstablished: 2001,
    employeeCount: 2600,
    website: 'https://mej.example.com',
    telephone: '+52 656 555 0170',
    businessHistory: 'Maquiladora de arneses y tarjetas electrónicas para la industria automotriz.',
    headquarters: {
      line1: 'Avenida Tecnológico 1450',
      city: 'Ciudad Juárez',
      region: 'Chihuahua',
      postalCode: '32500',
      countryCode: 'MX',
    },
    primaryContact: {
      account: 'user/officer-manufacturas-electronicas-juarez',
      title: 'Gerente de Comercio Exterior',
      telephone: '+52 656 555 0171',
    },
  },
  {
    organisation: 'member/rio-bravo-customs-brokerage',
    yearEstablished: 1979,
    employeeCount: 85,
    website: 'https://riobravobrokerage.example.com',
    telephone: '+1 956 555 0180',
    businessHistory:
      'Licensed customs broker filing entries at the Laredo ports of entry since 1979.',
    headquarters: {
      line1: '1100 Matamoros Street',
      city: 'Laredo',
      region: 'TX',
      postalCode: '78040',
      countryCode: 'US',
    },
    primaryContact: {
      account: 'user/officer-rio-bravo-customs-brokerage',
      title: 'President and Licensed Customs Broker',
      telephone: '+1 956 555 0181',
    },
  },
  {
    organisation: 'member/harborview-apparel-group',
    yearEstablished: 1992,
    employeeCount: 760,
    website: 'https://harborview.example.com',
    telephone: '+1 213 555 0190',
    businessHistory:
      'Importer of apparel and footwear from Vietnam, Bangladesh and Central America.',
    headquarters: {
      line1: '888 South Figueroa Street',
      city: 'Los Angeles',
      region: 'CA',
      postalCode: '90017',
      countryCode: 'US',
    },
    primaryContact: {
      account: 'user/officer-harborview-apparel-group',
      title: 'Vice President, Global Trade',
      telephone: '+1 213 555 0191',
    },
  },
  {
    organisation: 'member/ontario-precision-castings',
    yearEstablished: 1968,
    employeeCount: 390,
    website: 'https://ontariocastings.example.com',
    telephone: '+1 519 555 0110',
    businessHistory:
      'Aluminium and iron castings for the automotive industry, shipped by truck to U.S. plants.',
    headquarters: {
      line1: '3400 Walker Road',
      city: 'Windsor',
      region: 'ON',
      postalCode: 'N8W 3S4',
      countryCode: 'CA',
    },
    primaryContact: {
      account: 'user/officer-ontario-precision-castings',
      title: 'Plant Manager',
      telephone: '+1 519 555 0111',
    },
  },
  {
    organisation: 'member/skyway-cargo-airlines',
    yearEstablished: 2009,
    employeeCount: 310,
    website: 'https://skywaycargo.example.com',
    telephone: '+1 901 555 0120',
    businessHistory:
      'All-cargo airline; its international cargo operations were sold in the past year.',
    headquarters: {
      line1: '2491 Winchester Road',
      city: 'Memphis',
      region: 'TN',
      postalCode: '38116',
      countryCode: 'US',
    },
    primaryContact: {
      account: 'user/officer-skyway-cargo-airlines',
      title: 'Chief Operating Officer',
      telephone: '+1 901 555 0121',
    },
  },
];
