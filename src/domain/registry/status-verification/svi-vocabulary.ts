/**
 * Status Verification Interface (SVI, issue 4 item 8): consent-based sharing of CTPAT status
 * between members. A connection is requested by one member and accepted (or declined) by the
 * other; either side may end it; leaving SVI ends every connection.
 * Source: ../shared/domain/ctpat-program.md §3.6.
 */
export const SVI_CONNECTION_STATUSES = [
  'pending',
  'accepted',
  'declined',
  'cancelled',
  'ended',
] as const;
export type SviConnectionStatus = (typeof SVI_CONNECTION_STATUSES)[number];

/** The statuses in which a connection is live: at most one per pair of companies. */
export const OPEN_SVI_CONNECTION_STATUSES = ['pending', 'accepted'] as const;
