import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SecurityProfileView } from '../../../../domain/security-profile/security-profile.schema.ts';
import { CompactSelect } from '../../../components/ui/form-fields.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { assignProfileSection, securityProfileKeys } from '../api/security-profile-api.ts';

/** Who answers a section: holders of profile:assign give it to one of the company's people. */
export function SectionAssignment({
  category,
  assigneeUserId,
  people,
}: {
  category: number;
  assigneeUserId: string | null;
  people: SecurityProfileView['people'];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const assign = useMutation({
    mutationFn: (userId: string | null) => assignProfileSection(category, { userId }),
    onSuccess: (result) => {
      queryClient.setQueryData<SecurityProfileView | null>(securityProfileKeys.own, (view) =>
        view
          ? {
              ...view,
              sections: view.sections.map((section) =>
                section.category === result.category
                  ? { ...section, assigneeUserId: result.assigneeUserId }
                  : section,
              ),
            }
          : view,
      );
    },
  });
  const id = `section-${category}-assignee`;
  return (
    <div className="margin-y-2">
      <CompactSelect
        id={id}
        label={t('securityProfile.section.assignedTo')}
        value={assigneeUserId ?? ''}
        disabled={assign.isPending}
        options={[
          { value: '', label: t('securityProfile.section.unassigned') },
          ...people.map((person) => ({
            value: person.userId,
            label: `${person.displayName} (${t(`roles.${person.role}`)})`,
          })),
        ]}
        onChange={(value) => assign.mutate(value === '' ? null : value)}
      />
      <p className="font-sans-2xs margin-y-05" role="status" aria-live="polite">
        {assign.isSuccess ? t('securityProfile.section.assignSaved') : null}
        {assign.isError
          ? t('securityProfile.section.assignFailed', {
              message: assign.error instanceof ApiError ? assign.error.message : '',
            })
          : null}
      </p>
    </div>
  );
}
