/**
 * The kinds of company address and contact an application records (issue 4, item 4: "addresses
 * of headquarters, offices and cargo-handling sites, contacts"). Source: the CTPAT Portal's
 * company profile sections as described in ../shared/domain/ctpat-program.md §3.1.
 */
export const ADDRESS_KINDS = ['headquarters', 'office', 'cargo_handling_site', 'mailing'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

/**
 * Contact roles. The primary contact is CBP's point of contact for the company; the security
 * contact answers for the Security Profile; the trade compliance contact for Trade Compliance.
 */
export const CONTACT_ROLES = ['primary', 'alternate', 'security', 'trade_compliance'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
