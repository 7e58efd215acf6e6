import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CatalogUpdate } from '../../../../domain/security-profile/security-profile.schema.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { moveProfileToCurrentCatalog, securityProfileKeys } from '../api/security-profile-api.ts';

function CriterionList({ items }: { items: readonly { id: string; text: string }[] }) {
  return (
    <ul className="usa-list margin-top-05">
      {items.map((item) => (
        <li key={item.id}>
          <strong>{item.id}</strong> {item.text}
        </li>
      ))}
    </ul>
  );
}

/**
 * A newer criteria catalog is published (issue 5, item 8): which of the company's criteria are
 * new, gone or changed, and the move to it (changed answers then wait for re-confirmation).
 */
export function CatalogUpdateBanner({
  update,
  canMove,
}: {
  update: CatalogUpdate;
  canMove: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: moveProfileToCurrentCatalog,
    onSuccess: (view) => {
      queryClient.setQueryData(securityProfileKeys.own, view);
    },
  });
  const nothing = update.added.length + update.removed.length + update.changed.length === 0;
  return (
    <Alert
      type="warning"
      heading={t('securityProfile.catalogUpdate.heading', { version: update.version })}
      className="margin-bottom-3"
      role="region"
    >
      {nothing ? (
        <p>{t('securityProfile.catalogUpdate.noChanges')}</p>
      ) : (
        <>
          <p>{t('securityProfile.catalogUpdate.body')}</p>
          {update.added.length > 0 ? (
            <>
              <h3 className="margin-bottom-0">
                {t('securityProfile.catalogUpdate.added', { count: update.added.length })}
              </h3>
              <CriterionList items={update.added} />
            </>
          ) : null}
          {update.changed.length > 0 ? (
            <>
              <h3 className="margin-bottom-0">
                {t('securityProfile.catalogUpdate.changed', { count: update.changed.length })}
              </h3>
              <CriterionList items={update.changed} />
            </>
          ) : null}
          {update.removed.length > 0 ? (
            <>
              <h3 className="margin-bottom-0">
                {t('securityProfile.catalogUpdate.removed', { count: update.removed.length })}
              </h3>
              <CriterionList
                items={update.removed.map((item) => ({
                  id: item.id,
                  text: item.answered
                    ? `${item.text} ${t('securityProfile.catalogUpdate.answeredRemoved')}`
                    : item.text,
                }))}
              />
            </>
          ) : null}
        </>
      )}
      {canMove ? (
        <Button
          variant="outline"
          className="margin-top-2"
          disabled={move.isPending}
          onClick={() => move.mutate()}
        >
          {t('securityProfile.catalogUpdate.move', { version: update.version })}
        </Button>
      ) : (
        <p>{t('securityProfile.catalogUpdate.cannotMove')}</p>
      )}
      {move.isError ? (
        <ApiErrorAlert
          heading={t('securityProfile.catalogUpdate.failed')}
          headingLevel="h3"
          error={move.error}
        />
      ) : null}
    </Alert>
  );
}
