import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MODULES, type ModuleStatus } from '../../../../domain/navigation/modules.ts';
import { useSignedIn } from '../../../app/shell/use-viewer.ts';
import { Collection, type CollectionEntry } from '../../../components/ui/collection.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { screensFor } from '../module-screens.ts';

const STATUS_TONE = {
  live: 'success',
  partial: 'primary',
  planned: 'base',
} as const satisfies Record<ModuleStatus, 'success' | 'primary' | 'base'>;

/**
 * Every module of the product with its one-line summary and how far it is built, and the
 * screens open to the viewer (a visitor sees them all: each asks to sign in first).
 */
export function ModuleCollection({ headingLevel }: { headingLevel: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const entries: CollectionEntry[] = MODULES.map((module) => {
    const screens = screensFor(module.id, signedIn?.permissions ?? null);
    return {
      id: module.id,
      heading: t(`modules.${module.id}.name`),
      description: t(`modules.${module.id}.summary`),
      meta: [
        <Tag key="status" tone={STATUS_TONE[module.status]}>
          {t(`modules.status.${module.status}`)}
        </Tag>,
        ...(screens.length > 0
          ? [
              <span key="screens">
                {t('modules.availableNow')}{' '}
                {screens.map((screen, index) => (
                  <span key={screen.to}>
                    {index > 0 ? ', ' : null}
                    <Link to={screen.to} className="usa-link">
                      {t(screen.labelKey)}
                    </Link>
                  </span>
                ))}
              </span>,
            ]
          : []),
      ],
    };
  });
  return <Collection entries={entries} headingLevel={headingLevel} condensed />;
}
