/**
 * A member's CTPAT Trade Compliance status (issue 7, item 3: the protest indicator reads it).
 * Until a Trade Compliance module exists, a CBP program manager sets it in the registry.
 * Source: ../shared/domain/trade-compliance-protests-exams.md §3.
 */
export const TRADE_COMPLIANCE_STATUSES = ['active', 'suspended', 'inactive'] as const;
export type TradeComplianceStatus = (typeof TRADE_COMPLIANCE_STATUSES)[number];
