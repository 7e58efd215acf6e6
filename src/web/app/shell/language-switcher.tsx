import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../../components/ui/language-toggle.tsx';
import { changeLanguage, isLanguage, type Language } from '../../lib/i18n.ts';

/** English ⇄ Español: the button names the other language, in that language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const other: Language = current === 'en' ? 'es' : 'en';
  return (
    <LanguageToggle
      label={t(`language.names.${other}`)}
      lang={other}
      onSelect={() => {
        void changeLanguage(other);
      }}
    />
  );
}
