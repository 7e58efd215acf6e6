import { z } from 'zod';
import { CountryCodeSchema } from '../../organisations/organisation.schema.ts';
import { MraProgramSchema } from './mra-programs.ts';

/**
 * The mutual recognition API's schemas (issue 4, item 9): MRA partner programs an administrator
 * maintains, and the foreign AEO certifications a member records for its business partners.
 */

/** A new program: the seed data's shape (MraProgramSchema), in force unless said otherwise. */
export const CreateMraProgramBodySchema = MraProgramSchema.safeExtend({
  active: z.boolean().default(true).describe('False for an arrangement no longer in force'),
}).meta({ id: 'CreateMraProgramBody' });
export type CreateMraProgramBody = z.infer<typeof CreateMraProgramBodySchema>;

const { id: _id, ...programFields } = MraProgramSchema.shape;

/** A program's new content: every field but the id, which never changes. */
export const UpdateMraProgramBodySchema = z
  .object({ ...programFields, active: z.boolean() })
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
  .meta({ id: 'UpdateMraProgramBody' });
export type UpdateMraProgramBody = z.infer<typeof UpdateMraProgramBodySchema>;

export const MraProgramIdParamsSchema = z.object({ programId: z.string().min(1).max(100) });

export const MraProgramViewSchema = z
  .object({
    id: z.string(),
    countryCode: z.string(),
    countryName: z.string(),
    programName: z.string(),
    signedMonth: z.string(),
    signedOn: z.iso.date().nullable(),
    sources: z.array(z.string()),
    provisional: z.boolean(),
    note: z.string().nullable(),
    active: z.boolean(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'MraProgramView' });
export type MraProgramView = z.infer<typeof MraProgramViewSchema>;

export const MraProgramListSchema = z.object({ items: z.array(MraProgramViewSchema) });
export type MraProgramList = z.infer<typeof MraProgramListSchema>;

export const PARTNER_NAME_MAX = 200;
export const CERTIFICATION_NUMBER_MAX = 100;

export const RecordPartnerCertificationBodySchema = z
  .object({
    mraProgramId: z.string().min(1).max(100).describe('The MRA partner program, e.g. mx-oea'),
    partnerName: z.string().trim().min(1).max(PARTNER_NAME_MAX),
    partnerCountryCode: CountryCodeSchema.describe(
      "The partner's country: the program's country, or an EU member state for the EU program",
    ),
    certificationNumber: z
      .string()
      .trim()
      .min(1)
      .max(CERTIFICATION_NUMBER_MAX)
      .describe("The partner's AEO or certification number in its own program"),
    validUntil: z.iso
      .date('must be a date as YYYY-MM-DD')
      .nullable()
      .default(null)
      .describe('The last day the certification is valid, when the partner gave one'),
  })
  .meta({ id: 'RecordPartnerCertificationBody' });
export type RecordPartnerCertificationBody = z.infer<typeof RecordPartnerCertificationBodySchema>;

export const PartnerCertificationIdParamsSchema = z.object({ certificationId: z.uuid() });

export const PartnerCertificationViewSchema = z
  .object({
    id: z.uuid(),
    mraProgramId: z.string(),
    programName: z.string(),
    programCountryName: z.string(),
    partnerName: z.string(),
    partnerCountryCode: z.string(),
    certificationNumber: z.string(),
    validUntil: z.iso.date().nullable(),
    /** validUntil is before today. */
    expired: z.boolean(),
    recordedAt: z.iso.datetime(),
    recordedByUserId: z.uuid().nullable(),
  })
  .meta({ id: 'PartnerCertification' });
export type PartnerCertificationView = z.infer<typeof PartnerCertificationViewSchema>;

export const PartnerCertificationListSchema = z.object({
  items: z.array(PartnerCertificationViewSchema),
});
export type PartnerCertificationList = z.infer<typeof PartnerCertificationListSchema>;
