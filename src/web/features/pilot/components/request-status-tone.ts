import type { PilotRequestStatus } from '../../../../domain/registry/lifecycle/third-party-logistics-pilot.ts';

/** The tag colour of each request status. */
export const REQUEST_STATUS_TONE: Record<
  PilotRequestStatus,
  'base' | 'primary' | 'success' | 'warning' | 'error'
> = {
  waiting: 'primary',
  accepted: 'success',
  refused: 'error',
  withdrawn: 'base',
};
