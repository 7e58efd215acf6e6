import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  API_TOKEN_NAME_MAX,
  type ApiToken,
  type CreatedApiToken,
  isGrantableToApiToken,
} from '../../../domain/accounts/api-token.schema.ts';
import { PERMISSIONS, type Permission } from '../../../domain/authorization/permissions.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { CheckboxGroup, Form, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import {
  apiTokenKeys,
  apiTokensQuery,
  createApiToken,
  revokeApiToken,
} from '../../features/api-tokens/api/api-tokens-api.ts';
import { PERMISSION_LABEL_KEYS } from '../../features/api-tokens/permission-labels.ts';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import { isBlank } from '../../lib/validators.ts';
import { useSignedIn } from '../shell/use-viewer.ts';

const LIFETIMES = [30, 90, 180, 365] as const;

const STATUS_TONE = { active: 'success', expired: 'base', revoked: 'error' } as const;

/** API tokens for machine clients of the organisation: list, create (shown once), revoke. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('apiTokens.title'));
  return (
    <>
      <h1 className="margin-top-0">{t('apiTokens.heading')}</h1>
      <p className="usa-intro">{t('apiTokens.intro')}</p>
      <CreateTokenSection />
      <TokensSection />
    </>
  );
}

type CreateValues = { name: string; permissions: string[]; expiresInDays: string };

function permissionFrom(value: string): Permission | undefined {
  return PERMISSIONS.find((permission) => permission === value);
}

function CreateTokenSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const session = useSignedIn();
  const grantable = (session?.permissions ?? []).filter(isGrantableToApiToken);
  const initial: CreateValues = { name: '', permissions: [], expiresInDays: '90' };
  const form = useApiForm({
    initial,
    validate: (values) => {
      const errors: FieldErrors<CreateValues> = {};
      if (isBlank(values.name)) {
        errors.name = t('forms.errors.required');
      }
      if (values.permissions.length === 0) {
        errors.permissions = t('apiTokens.create.permissionsRequired');
      }
      return errors;
    },
    submit: (values) =>
      createApiToken({
        name: values.name.trim(),
        permissions: values.permissions.flatMap((value) => permissionFrom(value) ?? []),
        expiresInDays: Number(values.expiresInDays),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: apiTokenKeys.list });
    },
    resetOnSuccess: true,
  });
  return (
    <section aria-labelledby="api-tokens-create" className="margin-bottom-6">
      <h2 id="api-tokens-create">{t('apiTokens.create.heading')}</h2>
      {form.result ? (
        <NewToken token={form.result} expires={format.date(form.result.expiresAt)} />
      ) : null}
      <FormErrorAlert heading={t('apiTokens.create.failed')} error={form.error} />
      <Form onSubmit={form.onSubmit} label={t('apiTokens.create.heading')} formRef={form.formRef}>
        <TextField
          id="api-token-name"
          name="name"
          label={t('apiTokens.create.name')}
          hint={t('apiTokens.create.nameHint')}
          maxLength={API_TOKEN_NAME_MAX}
          value={form.values.name}
          error={form.errors.name}
          onChange={(value) => form.set('name', value)}
        />
        <CheckboxGroup
          id="api-token-permissions"
          name="permissions"
          legend={t('apiTokens.create.permissions')}
          hint={t('apiTokens.create.permissionsHint')}
          options={grantable.map((permission) => ({
            value: permission,
            label: t(PERMISSION_LABEL_KEYS[permission]),
            description: <code>{permission}</code>,
          }))}
          values={form.values.permissions}
          error={form.errors.permissions}
          onChange={(values) => form.set('permissions', values)}
        />
        <SelectField
          id="api-token-expiry"
          name="expiresInDays"
          label={t('apiTokens.create.expiry')}
          value={form.values.expiresInDays}
          error={form.errors.expiresInDays}
          options={LIFETIMES.map((days) => ({
            value: String(days),
            label: t('apiTokens.create.days', { count: days }),
          }))}
          onChange={(value) => form.set('expiresInDays', value)}
        />
        <SubmitButton
          label={t('apiTokens.create.submit')}
          pendingLabel={t('forms.saving')}
          pending={form.pending}
        />
      </Form>
    </section>
  );
}

/** The secret, this once: copy it now, it is never shown again. */
function NewToken({ token, expires }: { token: CreatedApiToken; expires: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      heading={t('apiTokens.created.heading', { name: token.name })}
      headingLevel="h3"
      role="status"
      className="margin-bottom-3"
    >
      <p className="margin-top-1">{t('apiTokens.created.once', { date: expires })}</p>
      <dl className="margin-y-1">
        <dt className="font-sans-2xs">{t('apiTokens.created.label')}</dt>
        <dd className="margin-left-0">
          <code
            id="api-token-secret"
            className="font-mono-xs text-bold"
            style={{ wordBreak: 'break-all' }}
          >
            {token.token}
          </code>
        </dd>
      </dl>
      <CopyButton text={token.token} label={t('apiTokens.created.copy')} />
      <p className="font-sans-2xs">{t('apiTokens.created.usage')}</p>
    </Alert>
  );
}

function TokensSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const tokens = useQuery(apiTokensQuery());
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeApiToken(token.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokenKeys.list }),
  });
  const columns: DataTableColumn<ApiToken>[] = [
    {
      id: 'name',
      header: t('apiTokens.columns.name'),
      cell: (token) => (
        <>
          {token.name}
          <span className="display-block font-mono-3xs text-normal text-base-dark">
            {token.prefix}…
          </span>
        </>
      ),
    },
    {
      id: 'permissions',
      header: t('apiTokens.columns.permissions'),
      cell: (token) =>
        format.list(token.permissions.map((permission) => t(PERMISSION_LABEL_KEYS[permission]))),
    },
    {
      id: 'status',
      header: t('apiTokens.columns.status'),
      cell: (token) => (
        <Tag tone={STATUS_TONE[token.status]}>{t(`apiTokens.status.${token.status}`)}</Tag>
      ),
    },
    {
      id: 'createdBy',
      header: t('apiTokens.columns.createdBy'),
      cell: (token) => token.createdBy.displayName,
    },
    {
      id: 'expires',
      header: t('apiTokens.columns.expires'),
      cell: (token) => format.date(token.expiresAt),
    },
    {
      id: 'lastUsed',
      header: t('apiTokens.columns.lastUsed'),
      cell: (token) =>
        token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('apiTokens.neverUsed'),
    },
    {
      id: 'actions',
      header: t('apiTokens.columns.actions'),
      cell: (token) =>
        token.status === 'active' ? (
          <ConfirmButton
            label={t('apiTokens.revoke')}
            accessibleLabel={t('apiTokens.revokeLabel', { name: token.name })}
            question={t('apiTokens.revokeQuestion', { name: token.name })}
            confirmLabel={t('apiTokens.revokeConfirm')}
            pending={revoke.isPending && revoke.variables?.id === token.id}
            pendingLabel={t('apiTokens.revoking')}
            onConfirm={() => revoke.mutate(token)}
          />
        ) : null,
    },
  ];
  return (
    <section aria-labelledby="api-tokens-list">
      <h2 id="api-tokens-list">{t('apiTokens.listHeading')}</h2>
      {revoke.isError ? (
        <ApiErrorAlert heading={t('apiTokens.revokeFailed')} error={revoke.error} />
      ) : null}
      {tokens.isPending ? (
        <p role="status" className="text-base-dark">
          {t('apiTokens.loading')}
        </p>
      ) : tokens.isError ? (
        <ApiErrorAlert
          heading={t('apiTokens.loadError')}
          error={tokens.error}
          onRetry={() => void tokens.refetch()}
        />
      ) : tokens.data.items.length === 0 ? (
        <p>{t('apiTokens.none')}</p>
      ) : (
        <DataTable
          caption={t('apiTokens.caption')}
          scrollable
          columns={columns}
          rows={tokens.data.items}
          rowKey={(token) => token.id}
        />
      )}
    </section>
  );
}
