import { useTranslation } from 'react-i18next';
import type { PilotStatus } from '../../../../domain/registry/lifecycle/pilot.schema.ts';
import { PILOT_CATEGORIES } from '../../../../domain/registry/lifecycle/third-party-logistics-pilot.ts';
import { SummaryBox } from '../../../components/ui/summary-box.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';

const PHASE_TONE = {
  end_date_not_set: 'warning',
  not_started: 'base',
  open: 'success',
  ended: 'base',
} as const;

/** The pilot's dates (with what is provisional) and the places left in each category. */
export function PilotStatusBox({ status }: { status: PilotStatus }) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  return (
    <SummaryBox heading={t('pilot.status.heading')} className="margin-bottom-4">
      <p className="margin-top-0">
        <Tag tone={PHASE_TONE[status.phase]}>{t(`pilot.phase.${status.phase}`)}</Tag>
      </p>
      <dl className="margin-y-1">
        <dt className="text-bold">{t('pilot.status.starts')}</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {date(status.startsOn)}
          {status.startIsProvisional ? (
            <>
              {' '}
              <Tag>{t('pilot.status.provisional')}</Tag>{' '}
              <span className="font-sans-2xs">{t('pilot.status.startProvisional')}</span>
            </>
          ) : null}
        </dd>
        <dt className="text-bold">{t('pilot.status.ends')}</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {status.endsOn === null ? t('pilot.status.endNotSet') : date(status.endsOn)}
        </dd>
        {PILOT_CATEGORIES.map((category) => (
          <div key={category}>
            <dt className="text-bold">{t(`pilot.category.${category}`)}</dt>
            <dd className="margin-left-0 margin-bottom-1">
              {t('pilot.status.places', {
                left: status.placesLeftPerCategory[category],
                cap: status.capPerCategory[category],
                accepted: status.acceptedPerCategory[category],
              })}
            </dd>
          </div>
        ))}
      </dl>
    </SummaryBox>
  );
}
