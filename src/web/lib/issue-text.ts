import { useTranslation } from 'react-i18next';
import {
  PASSWORD_PROBLEM_MESSAGES,
  type PasswordProblem,
} from '../../domain/accounts/password-policy.ts';

const PASSWORD_PROBLEMS: readonly PasswordProblem[] = [
  'too_short',
  'too_long',
  'common',
  'contains_context',
];

/**
 * Server field issues arrive in English ("is required"); the ones the domain names are shown in
 * the reader's language, any other as the server wrote it.
 */
export function useIssueText(): (message: string) => string {
  const { t } = useTranslation();
  return (message) => {
    if (message === 'is required') {
      return t('forms.errors.required');
    }
    if (message === 'must be an e-mail address') {
      return t('forms.errors.email');
    }
    const problem = PASSWORD_PROBLEMS.find((key) => PASSWORD_PROBLEM_MESSAGES[key] === message);
    if (problem) {
      return t(`forms.password.problems.${problem}`);
    }
    return message;
  };
}
