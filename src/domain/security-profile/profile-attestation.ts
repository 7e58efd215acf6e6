/**
 * What the company officer attests to when submitting a Security Profile version (issue 5,
 * item 5: "the company officer signs and submits"). Only the officer commits the company
 * (product.md, "Users and roles"; ctpat-program.md §3.1 on the partner agreement). The text shown
 * is the text stored, word for word, in the language shown (security_profile_versions.attestation).
 */

export const ATTESTATION_LANGUAGES = ['en', 'es'] as const;
export type AttestationLanguage = (typeof ATTESTATION_LANGUAGES)[number];

export const PROFILE_ATTESTATION: Readonly<Record<AttestationLanguage, string>> = {
  en: 'As the company officer, I attest on behalf of the company that the answers and evidence in this Security Profile are true and complete to the best of my knowledge, that they describe the security measures the company has in place, and that I am authorised to submit them to U.S. Customs and Border Protection.',
  es: 'Como representante legal de la empresa, declaro en nombre de la empresa que las respuestas y la evidencia de este Perfil de Seguridad son verdaderas y completas según mi leal saber y entender, que describen las medidas de seguridad que la empresa tiene implementadas y que estoy autorizado para presentarlas a la Oficina de Aduanas y Protección Fronteriza de los Estados Unidos.',
};

export function attestationText(language: AttestationLanguage): string {
  return PROFILE_ATTESTATION[language];
}
