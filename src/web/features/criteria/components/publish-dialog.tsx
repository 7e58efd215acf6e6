import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogVersionSummary } from '../../../../domain/criteria/catalog-api.schema.ts';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { publishCatalogVersion, refreshCatalogs } from '../api/criteria-api.ts';
import type { DiffCounts } from './catalog-diff.tsx';

/**
 * Publishing a draft, confirmed in a native modal <dialog> (focus stays inside, Escape cancels)
 * that states what the publication changes: a published version can never change again.
 */
export function PublishDialog({
  version,
  counts,
  onPublished,
}: {
  version: CatalogVersionSummary;
  counts: DiffCounts;
  onPublished: (published: CatalogVersionSummary) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const publish = useMutation({
    mutationFn: () => publishCatalogVersion(version.id),
    onSuccess: (published) => {
      dialogRef.current?.close();
      void refreshCatalogs(queryClient);
      onPublished(published);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!publish.isPending) {
      publish.mutate();
    }
  };
  return (
    <>
      <Button
        ref={openerRef}
        onClick={() => {
          publish.reset();
          dialogRef.current?.showModal();
        }}
      >
        {t('criteriaAdmin.publish.button')}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby="publish-dialog-heading"
        className="radius-md border-0 shadow-3 padding-4 maxw-tablet width-full"
        onClose={() => openerRef.current?.focus()}
      >
        <h2 id="publish-dialog-heading" className="margin-top-0">
          {t('criteriaAdmin.publish.heading', { version: version.version })}
        </h2>
        <p>{t('criteriaAdmin.publish.body', { ...counts })}</p>
        <FormErrorAlert heading={t('criteriaAdmin.publish.failed')} error={publish.error} />
        <form onSubmit={submit} noValidate>
          <SubmitButton
            label={t('criteriaAdmin.publish.confirm')}
            pendingLabel={t('criteriaAdmin.publish.pending')}
            pending={publish.isPending}
          />
          <Button
            variant="unstyled"
            className="margin-left-2"
            onClick={() => dialogRef.current?.close()}
          >
            {t('confirm.cancel')}
          </Button>
        </form>
      </dialog>
    </>
  );
}
