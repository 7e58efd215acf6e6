import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Textarea } from '@trussworks/react-uswds';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_MAX_CHARS } from '../../../../domain/security-profile/security-profile.schema.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useFormatters } from '../../../lib/use-formatters.ts';
import {
  addProfileComment,
  profileCommentsQuery,
  securityProfileKeys,
} from '../api/security-profile-api.ts';

/** The company's discussion of one criterion, loaded when opened. */
export function CriterionComments({
  criterionId,
  domId,
  canComment,
}: {
  criterionId: string;
  domId: string;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="margin-top-2"
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary className="text-primary text-underline cursor-pointer">
        {t('securityProfile.comments.summary')}
      </summary>
      {open ? (
        <CommentsThread criterionId={criterionId} domId={domId} canComment={canComment} />
      ) : null}
    </details>
  );
}

function CommentsThread({
  criterionId,
  domId,
  canComment,
}: {
  criterionId: string;
  domId: string;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const comments = useQuery(profileCommentsQuery(criterionId));
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: (text: string) => addProfileComment(criterionId, { body: text }),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: securityProfileKeys.comments(criterionId) });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (body.trim() !== '') {
      add.mutate(body);
    }
  };
  const fieldId = `${domId}-comment`;
  return (
    <div className="padding-left-2 border-left-05 border-base-lighter margin-top-1">
      {comments.isPending ? (
        <p role="status">{t('securityProfile.comments.loading')}</p>
      ) : comments.isError ? (
        <ApiErrorAlert
          heading={t('securityProfile.comments.loadError')}
          headingLevel="h4"
          error={comments.error}
        />
      ) : comments.data.items.length === 0 ? (
        <p>{t('securityProfile.comments.none')}</p>
      ) : (
        <ul className="usa-list usa-list--unstyled">
          {comments.data.items.map((comment) => (
            <li key={comment.id} className="margin-bottom-1">
              <span className="text-base-dark font-sans-2xs">
                {comment.reviewVersionId ? (
                  <span className="usa-tag bg-secondary-dark margin-right-1">
                    {t('securityProfile.comments.fromCbp')}
                  </span>
                ) : null}
                {t('securityProfile.comments.by', {
                  name: comment.authorName ?? t('securityProfile.comments.someone'),
                  time: format.dateTime(comment.createdAt),
                })}
              </span>
              <p className="margin-y-05">{comment.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canComment ? (
        <form onSubmit={submit} aria-label={t('securityProfile.comments.formLabel')}>
          <label className="usa-label margin-top-1" htmlFor={fieldId}>
            {t('securityProfile.comments.label')}
          </label>
          <Textarea
            id={fieldId}
            name={fieldId}
            className="height-10"
            value={body}
            maxLength={COMMENT_MAX_CHARS}
            onChange={(event: ChangeEvent<HTMLTextAreaElement>) => setBody(event.target.value)}
          />
          <Button type="submit" variant="outline" className="margin-top-1" disabled={add.isPending}>
            {t('securityProfile.comments.add')}
          </Button>
          {add.isError ? (
            <ApiErrorAlert
              heading={t('securityProfile.comments.failed')}
              headingLevel="h4"
              error={add.error}
            />
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
