import { useTranslation } from 'react-i18next';
import type { VersionStatus } from '../../../../domain/security-profile/profile-review.schema.ts';
import { Tag } from '../../../components/ui/tag.tsx';

const TONE = { submitted: 'primary', returned: 'warning', approved: 'success' } as const;

/** Where a round stands: in review, returned to the member, approved. */
export function VersionStatusTag({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return <Tag tone={TONE[status]}>{t(`profileReview.versionStatus.${status}`)}</Tag>;
}
