import { z } from 'zod';
import {
  VALIDATION_KINDS,
  VALIDATION_STATUSES,
} from '../../../domain/validations/validation-vocabulary.ts';

/**
 * The planning page's URL search parameters (`/cbp/validations?year=2027&officeId=…`), so a
 * notification can open it filtered. A value that does not parse is dropped, never an error.
 */
export const CbpValidationsSearchSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  officeId: z.uuid().optional().catch(undefined),
  specialistId: z.uuid().optional().catch(undefined),
  status: z.enum(VALIDATION_STATUSES).optional().catch(undefined),
  kind: z.enum(VALIDATION_KINDS).optional().catch(undefined),
});
export type CbpValidationsSearch = z.infer<typeof CbpValidationsSearchSchema>;
