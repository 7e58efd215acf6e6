import { z } from 'zod';
import { CountryCodeSchema } from '../../organisations/organisation.schema.ts';

/**
 * Mutual Recognition Arrangement (MRA) partner programs: seed data an administrator maintains
 * later. Source: ../shared/domain/ctpat-program.md §3.8, copied as listed there. Where the
 * document gives only a month, `signedOn` is null and `signedMonth` holds YYYY-MM. Where it
 * marks the program name unverified or not captured, `provisional` is true and `note` repeats
 * the document's remark.
 *
 * Not seeded: South Africa and Malaysia (CBP's 2024 report says agreements were finalised,
 * but §3.8 says it is unclear whether they are MRAs or joint work plans).
 */

const SIGNED_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PROGRAM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const MraProgramSchema = z
  .object({
    id: z
      .string()
      .regex(
        PROGRAM_ID,
        'must be lower-case words joined by hyphens, e.g. ca-partners-in-protection',
      )
      .max(100),
    /** ISO 3166-1 alpha-2; the European Union uses the reserved code EU. */
    countryCode: CountryCodeSchema,
    countryName: z.string().trim().min(1).max(100),
    programName: z.string().trim().min(1).max(200),
    /** Month the arrangement was signed, YYYY-MM. */
    signedMonth: z.string().regex(SIGNED_MONTH, 'must be a month as YYYY-MM, e.g. 2008-06'),
    /** Exact date signed, YYYY-MM-DD, when the source gives it. */
    signedOn: z.iso.date('must be a date as YYYY-MM-DD').nullable(),
    sources: z.array(z.url()).min(1, 'at least one source URL is required'),
    /** The domain reference marks part of the entry (usually the program name) unverified. */
    provisional: z.boolean(),
    note: z.string().max(500).nullable(),
  })
  .strict()
  .superRefine((program, ctx) => {
    if (program.signedOn !== null && !program.signedOn.startsWith(`${program.signedMonth}-`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['signedOn'],
        message: `must fall in the month signed (${program.signedMonth})`,
      });
    }
  })
  .meta({ id: 'MraProgram' });

export type MraProgram = z.infer<typeof MraProgramSchema>;

/** A list of programs: each country + program name appears once, each id once. */
export const MraProgramListSchema = z.array(MraProgramSchema).superRefine((programs, ctx) => {
  const seenIds = new Set<string>();
  const seenPrograms = new Set<string>();
  programs.forEach((program, index) => {
    if (seenIds.has(program.id)) {
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id ${program.id}` });
    }
    seenIds.add(program.id);
    const key = mraProgramKey(program);
    if (seenPrograms.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'programName'],
        message: `${program.countryCode} already has a program named ${program.programName}`,
      });
    }
    seenPrograms.add(key);
  });
});

/** Identity of a program for uniqueness: country code + program name, case-insensitive. */
export function mraProgramKey(program: Pick<MraProgram, 'countryCode' | 'programName'>): string {
  return `${program.countryCode}|${program.programName.trim().toLowerCase()}`;
}

const SRC_1_12 = 'https://ct-strategies.com/2021/01/19/a-guide-to-mutual-recognition/';
const SRC_13_16 = 'https://c-tpat.com/mutual-recognition-arrangements-mra/';
const SRC_NAMES_1_4 = 'https://www.jiffa.or.jp/en/news/100323.html';
const SRC_17_18 = [
  'https://www.just-style.com/news/guatemala-signs-mra-to-strengthen-supply-chain-security/',
  'https://sourcingjournal.com/topics/trade/us-customs-border-protection-guatemala-colombia-supply-chain-security-agreement-430625/',
];

const NAME_UNVERIFIED = 'ctpat-program.md §3.8: program name unverified';

export const MRA_PROGRAMS: readonly MraProgram[] = [
  {
    id: 'nz-secure-export-scheme',
    countryCode: 'NZ',
    countryName: 'New Zealand',
    programName: 'Secure Export Scheme',
    signedMonth: '2007-06',
    signedOn: null,
    sources: [SRC_1_12, SRC_NAMES_1_4],
    provisional: false,
    note: null,
  },
  {
    id: 'ca-partners-in-protection',
    countryCode: 'CA',
    countryName: 'Canada',
    programName: 'Partners in Protection (PIP)',
    signedMonth: '2008-06',
    signedOn: null,
    sources: [SRC_1_12, SRC_NAMES_1_4],
    provisional: false,
    note: null,
  },
  {
    id: 'jo-golden-list',
    countryCode: 'JO',
    countryName: 'Jordan',
    programName: 'Golden List',
    signedMonth: '2008-06',
    signedOn: null,
    sources: [SRC_1_12, SRC_NAMES_1_4],
    provisional: false,
    note: null,
  },
  {
    id: 'jp-aeo',
    countryCode: 'JP',
    countryName: 'Japan',
    programName: 'AEO',
    signedMonth: '2009-06',
    signedOn: null,
    sources: [SRC_1_12, SRC_NAMES_1_4],
    provisional: false,
    note: null,
  },
  {
    id: 'kr-aeo',
    countryCode: 'KR',
    countryName: 'Korea',
    programName: 'AEO',
    signedMonth: '2010-06',
    signedOn: null,
    sources: [SRC_1_12],
    provisional: false,
    note: null,
  },
  {
    id: 'eu-aeo',
    countryCode: 'EU',
    countryName: 'European Union',
    programName: 'AEO',
    signedMonth: '2012-05',
    signedOn: null,
    sources: [SRC_1_12],
    provisional: false,
    note: null,
  },
  {
    id: 'tw-aeo',
    countryCode: 'TW',
    countryName: 'Taiwan',
    programName: 'AEO',
    signedMonth: '2012-11',
    signedOn: null,
    sources: [SRC_1_12],
    provisional: true,
    note: 'ctpat-program.md §3.8: program name not captured',
  },
  {
    id: 'il-aeo',
    countryCode: 'IL',
    countryName: 'Israel',
    programName: 'AEO',
    signedMonth: '2014-06',
    signedOn: null,
    sources: [SRC_1_12],
    provisional: true,
    note: NAME_UNVERIFIED,
  },
  {
    id: 'mx-oea',
    countryCode: 'MX',
    countryName: 'Mexico',
    programName: 'OEA (Nuevo Esquema de Empresas Certificadas)',
    signedMonth: '2014-10',
    signedOn: null,
    sources: [SRC_1_12],
    provisional: true,
    note: NAME_UNVERIFIED,
  },
  {
    id: 'sg-stp-plus',
    countryCode: 'SG',
    countryName: 'Singapore',
    programName: 'STP-Plus',
    signedMonth: '2014-12',
    signedOn: null,
    sources: [SRC_1_12],
    provisional: false,
    note: null,
  },
  {
    id: 'do-aeo',
    countryCode: 'DO',
    countryName: 'Dominican Republic',
    programName: 'AEO',
    signedMonth: '2015-12',
    signedOn: null,
    sources: [SRC_1_12],
    provisional: true,
    note: NAME_UNVERIFIED,
  },
  {
    id: 'pe-aeo',
    countryCode: 'PE',
    countryName: 'Peru',
    programName: 'AEO',
    signedMonth: '2018-09',
    signedOn: null,
    sources: [SRC_1_12],
    provisional: true,
    note: NAME_UNVERIFIED,
  },
  {
    id: 'gb-hmrc-aeo',
    countryCode: 'GB',
    countryName: 'United Kingdom',
    programName: 'HMRC AEO',
    signedMonth: '2021-01',
    signedOn: null,
    sources: [SRC_13_16],
    provisional: false,
    note: null,
  },
  {
    id: 'in-cbic-aeo',
    countryCode: 'IN',
    countryName: 'India',
    programName: 'CBIC AEO',
    signedMonth: '2021-09',
    signedOn: null,
    sources: [SRC_13_16],
    provisional: false,
    note: null,
  },
  {
    id: 'uy-qualified-economic-operator',
    countryCode: 'UY',
    countryName: 'Uruguay',
    programName: 'Qualified Economic Operator',
    signedMonth: '2022-07',
    signedOn: null,
    sources: [SRC_13_16],
    provisional: false,
    note: null,
  },
  {
    id: 'br-oea-aeo',
    countryCode: 'BR',
    countryName: 'Brazil',
    programName: 'OEA/AEO',
    signedMonth: '2022-09',
    signedOn: null,
    sources: [SRC_13_16],
    provisional: false,
    note: null,
  },
  {
    id: 'gt-aeo',
    countryCode: 'GT',
    countryName: 'Guatemala',
    programName: 'AEO',
    signedMonth: '2023-04',
    signedOn: '2023-04-17',
    sources: SRC_17_18,
    provisional: true,
    note: NAME_UNVERIFIED,
  },
  {
    id: 'co-aeo',
    countryCode: 'CO',
    countryName: 'Colombia',
    programName: 'AEO',
    signedMonth: '2023-04',
    signedOn: '2023-04-17',
    sources: SRC_17_18,
    provisional: true,
    note: NAME_UNVERIFIED,
  },
];
