import { LanguageSelectorButton } from '@trussworks/react-uswds';

export interface LanguageToggleProps {
  /** The other language's name, in that language ("Español" on the English page). */
  label: string;
  /** Its BCP 47 tag, so screen readers pronounce the name in its own language. */
  lang: string;
  onSelect: () => void;
}

/**
 * The USWDS two-language selector (usa-language): one button naming the other language.
 * With more languages this becomes the USWDS dropdown variant.
 */
export function LanguageToggle({ label, lang, onSelect }: LanguageToggleProps) {
  return (
    <div className="usa-language-container usa-language--small margin-left-1">
      <ul className="usa-language__primary usa-accordion">
        <li className="usa-language__primary-item">
          <LanguageSelectorButton label={label} labelAttr={lang} onToggle={onSelect} />
        </li>
      </ul>
    </div>
  );
}
