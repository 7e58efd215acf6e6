import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../domain/accounts/invitation.schema.ts';
import { type Member, mayManageRole } from '../../../domain/accounts/users.schema.ts';
import { ROLES_BY_ORGANISATION_KIND } from '../../../domain/authorization/permissions.ts';
import { ROLES, type Role } from '../../../domain/authorization/roles.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { CompactSelect, Form, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import {
  createInvitation,
  invitationKeys,
  invitationsQuery,
  revokeInvitation,
} from '../../features/invitations/api/invitations-api.ts';
import type { SignedInSession } from '../../features/session/api/session-api.ts';
import {
  changeMemberRole,
  membersQuery,
  removeMember,
  userKeys,
} from '../../features/users/api/users-api.ts';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import { isBlank, looksLikeEmail } from '../../lib/validators.ts';
import { useSignedIn } from '../shell/use-viewer.ts';

function roleFrom(value: string): Role | undefined {
  return ROLES.find((role) => role === value);
}

/** The roles this person may give in this organisation: its kind's roles, up to their own rank. */
function assignableRoles(session: SignedInSession): Role[] {
  const membership = session.memberships.find(
    (candidate) => candidate.organisationId === session.organisationId,
  );
  const myRole = session.role;
  if (!membership || !myRole) {
    return [];
  }
  return ROLES_BY_ORGANISATION_KIND[membership.organisationKind].filter((role) =>
    mayManageRole(myRole, role),
  );
}

/**
 * The people of the organisation the session acts for: members and their roles, and (for those
 * who manage people) role changes, removals, pending invitations and new invitations.
 */
export function OrganisationUsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.title'));
  const session = useSignedIn();
  if (!session?.organisationId) {
    return (
      <>
        <h1 className="margin-top-0">{t('users.heading')}</h1>
        <Alert type="info" slim>
          <p className="margin-y-0">{t('users.noOrganisation')}</p>
        </Alert>
      </>
    );
  }
  const organisationName =
    session.memberships.find((m) => m.organisationId === session.organisationId)
      ?.organisationName ?? '';
  const canManage = session.permissions.includes('users:manage');
  return (
    <>
      <h1 className="margin-top-0">{t('users.heading')}</h1>
      <p className="usa-intro">{t('users.intro', { organisation: organisationName })}</p>
      <MembersSection
        session={session}
        organisationId={session.organisationId}
        canManage={canManage}
      />
      {canManage ? (
        <>
          <InviteSection session={session} />
          <InvitationsSection />
        </>
      ) : null}
    </>
  );
}

function MembersSection({
  session,
  organisationId,
  canManage,
}: {
  session: SignedInSession;
  organisationId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const members = useQuery(membersQuery(organisationId));
  const roles = assignableRoles(session);
  const [chosen, setChosen] = useState<Record<string, Role>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: userKeys.members(organisationId) });

  const change = useMutation({
    mutationFn: (input: { member: Member; role: Role }) =>
      changeMemberRole(input.member.userId, input.role),
    onSuccess: (member) => {
      setNotice(
        t('users.roleChanged', { name: member.displayName, role: t(`roles.${member.role}`) }),
      );
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (member: Member) => removeMember(member.userId),
    onSuccess: (_result, member) => {
      setNotice(t('users.removed', { name: member.displayName }));
      void refresh();
    },
  });

  const manageable = (member: Member) =>
    canManage &&
    member.userId !== session.user.id &&
    session.role !== null &&
    mayManageRole(session.role, member.role);

  const columns: DataTableColumn<Member>[] = [
    {
      id: 'name',
      header: t('users.columns.nameAndEmail'),
      cell: (member) => (
        <>
          {member.displayName}
          {member.userId === session.user.id ? ` ${t('users.you')}` : null}
          <span className="display-block font-sans-2xs text-normal text-base-dark">
            {member.email}
          </span>
        </>
      ),
    },
    {
      id: 'role',
      header: t('users.columns.role'),
      cell: (member) =>
        manageable(member) ? (
          <div className="display-flex flex-align-center flex-wrap">
            <CompactSelect
              id={`role-${member.userId}`}
              label={t('users.roleFor', { name: member.displayName })}
              labelHidden
              value={chosen[member.userId] ?? member.role}
              options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              onChange={(value) => {
                const role = roleFrom(value);
                if (role) {
                  setChosen((current) => ({ ...current, [member.userId]: role }));
                }
              }}
            />
            {(chosen[member.userId] ?? member.role) !== member.role ? (
              <Button
                variant="outline"
                className="margin-left-1 margin-top-0"
                aria-label={t('users.saveRoleFor', { name: member.displayName })}
                aria-disabled={change.isPending}
                onClick={() => {
                  const role = chosen[member.userId];
                  if (role && !change.isPending) {
                    change.mutate({ member, role });
                  }
                }}
              >
                {change.isPending && change.variables?.member.userId === member.userId
                  ? t('forms.saving')
                  : t('users.saveRole')}
              </Button>
            ) : null}
          </div>
        ) : (
          t(`roles.${member.role}`)
        ),
    },
    {
      id: 'mfa',
      header: t('users.columns.mfa'),
      cell: (member) =>
        member.mfaEnrolled ? (
          <Tag tone="success">{t('users.mfaOn')}</Tag>
        ) : (
          <Tag>{t('users.mfaOff')}</Tag>
        ),
    },
    {
      id: 'joined',
      header: t('users.columns.joined'),
      cell: (member) => format.date(member.joinedAt),
    },
  ];
  if (canManage) {
    columns.push({
      id: 'actions',
      header: t('users.columns.actions'),
      cell: (member) =>
        manageable(member) ? (
          <ConfirmButton
            label={t('users.remove')}
            accessibleLabel={t('users.removeLabel', { name: member.displayName })}
            question={t('users.removeQuestion', { name: member.displayName })}
            confirmLabel={t('users.removeConfirm')}
            pending={remove.isPending && remove.variables?.userId === member.userId}
            pendingLabel={t('users.removing')}
            onConfirm={() => remove.mutate(member)}
          />
        ) : null,
    });
  }

  return (
    <section aria-labelledby="users-members" className="margin-bottom-6">
      <h2 id="users-members">{t('users.membersHeading')}</h2>
      {notice ? (
        <Alert type="success" slim role="status">
          <p className="margin-y-0">{notice}</p>
        </Alert>
      ) : null}
      {change.isError ? (
        <ApiErrorAlert heading={t('users.roleFailed')} error={change.error} />
      ) : null}
      {remove.isError ? (
        <ApiErrorAlert heading={t('users.removeFailed')} error={remove.error} />
      ) : null}
      {members.isPending ? (
        <p role="status" className="text-base-dark">
          {t('users.loading')}
        </p>
      ) : members.isError ? (
        <ApiErrorAlert
          heading={t('users.loadError')}
          error={members.error}
          onRetry={() => void members.refetch()}
        />
      ) : (
        <DataTable
          caption={t('users.membersCaption', { count: members.data.items.length })}
          columns={columns}
          rows={members.data.items}
          rowKey={(member) => member.userId}
        />
      )}
    </section>
  );
}

type InviteValues = { email: string; role: string };

function InviteSection({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roles = assignableRoles(session);
  const defaultRole = roles.includes('contributor') ? 'contributor' : (roles.at(-1) ?? '');
  const form = useApiForm({
    initial: { email: '', role: defaultRole } satisfies InviteValues,
    validate: (values) => {
      const errors: FieldErrors<InviteValues> = {};
      if (isBlank(values.email)) {
        errors.email = t('forms.errors.required');
      } else if (!looksLikeEmail(values.email)) {
        errors.email = t('forms.errors.email');
      }
      if (!roleFrom(values.role)) {
        errors.role = t('forms.errors.required');
      }
      return errors;
    },
    submit: (values) =>
      createInvitation({
        email: values.email.trim(),
        role: roleFrom(values.role) ?? 'contributor',
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: invitationKeys.list });
    },
    resetOnSuccess: true,
  });
  return (
    <section aria-labelledby="users-invite" className="margin-bottom-6">
      <h2 id="users-invite">{t('users.invite.heading')}</h2>
      <p>{t('users.invite.intro')}</p>
      {form.result ? (
        <Alert type="success" slim role="status">
          <p className="margin-y-0">
            {t('users.invite.sent', {
              email: form.result.email,
              role: t(`roles.${form.result.role}`),
            })}
          </p>
        </Alert>
      ) : null}
      <FormErrorAlert heading={t('users.invite.failed')} error={form.error} />
      <Form onSubmit={form.onSubmit} label={t('users.invite.heading')} formRef={form.formRef}>
        <TextField
          id="invite-email"
          name="email"
          type="email"
          label={t('users.invite.email')}
          spellCheck={false}
          maxLength={254}
          value={form.values.email}
          error={form.errors.email}
          onChange={(value) => form.set('email', value)}
        />
        <SelectField
          id="invite-role"
          name="role"
          label={t('users.invite.role')}
          hint={t('users.invite.roleHint')}
          value={form.values.role}
          error={form.errors.role}
          options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          onChange={(value) => form.set('role', value)}
        />
        <SubmitButton
          label={t('users.invite.submit')}
          pendingLabel={t('forms.sending')}
          pending={form.pending}
        />
      </Form>
    </section>
  );
}

function InvitationsSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const invitations = useQuery(invitationsQuery());
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => revokeInvitation(invitation.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.list }),
  });
  const columns: DataTableColumn<Invitation>[] = [
    { id: 'email', header: t('users.invitations.columns.email'), cell: (row) => row.email },
    {
      id: 'role',
      header: t('users.invitations.columns.role'),
      cell: (row) => t(`roles.${row.role}`),
    },
    {
      id: 'invitedBy',
      header: t('users.invitations.columns.invitedBy'),
      cell: (row) => row.invitedBy?.displayName ?? t('users.invitations.unknownInviter'),
    },
    {
      id: 'expires',
      header: t('users.invitations.columns.expires'),
      cell: (row) => format.dateTime(row.expiresAt),
    },
    {
      id: 'actions',
      header: t('users.invitations.columns.actions'),
      cell: (row) => (
        <ConfirmButton
          label={t('users.invitations.revoke')}
          accessibleLabel={t('users.invitations.revokeLabel', { email: row.email })}
          question={t('users.invitations.revokeQuestion', { email: row.email })}
          confirmLabel={t('users.invitations.revokeConfirm')}
          pending={revoke.isPending && revoke.variables?.id === row.id}
          pendingLabel={t('users.invitations.revoking')}
          onConfirm={() => revoke.mutate(row)}
        />
      ),
    },
  ];
  return (
    <section aria-labelledby="users-invitations">
      <h2 id="users-invitations">{t('users.invitations.heading')}</h2>
      {revoke.isError ? (
        <ApiErrorAlert heading={t('users.invitations.revokeFailed')} error={revoke.error} />
      ) : null}
      {invitations.isPending ? (
        <p role="status" className="text-base-dark">
          {t('users.invitations.loading')}
        </p>
      ) : invitations.isError ? (
        <ApiErrorAlert
          heading={t('users.invitations.loadError')}
          error={invitations.error}
          onRetry={() => void invitations.refetch()}
        />
      ) : invitations.data.items.length === 0 ? (
        <p>{t('users.invitations.none')}</p>
      ) : (
        <DataTable
          caption={t('users.invitations.caption')}
          columns={columns}
          rows={invitations.data.items}
          rowKey={(row) => row.id}
        />
      )}
    </section>
  );
}
