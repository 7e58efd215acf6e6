import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../domain/accounts/users.schema.ts';
import {
  COMPANY_NAME_MAX,
  type CompanyContact,
  type CompanyProfile,
  EMAIL_MAX,
  TELEPHONE_MAX,
} from '../../../../domain/registry/profile/company-profile.schema.ts';
import {
  CONTACT_ROLES,
  type ContactRole,
} from '../../../../domain/registry/profile/company-profile-vocabulary.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { RequestForm, SuccessNotice } from '../../../components/request-form.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataTable, type DataTableColumn } from '../../../components/ui/data-table.tsx';
import { SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { type FieldErrors, useApiForm } from '../../../lib/use-api-form.ts';
import { isBlank, looksLikeEmail } from '../../../lib/validators.ts';
import { membersQuery } from '../../users/api/users-api.ts';
import {
  addContact,
  companyProfileKeys,
  removeContact,
  updateContact,
} from '../api/company-profile-api.ts';

type ContactValues = {
  role: string;
  fullName: string;
  title: string;
  email: string;
  telephone: string;
  userId: string;
};

const EMPTY: ContactValues = {
  role: 'primary',
  fullName: '',
  title: '',
  email: '',
  telephone: '',
  userId: '',
};

function valuesOf(contact: CompanyContact): ContactValues {
  return {
    role: contact.role,
    fullName: contact.fullName,
    title: contact.title ?? '',
    email: contact.email,
    telephone: contact.telephone ?? '',
    userId: contact.userId ?? '',
  };
}

function roleOf(value: string): ContactRole {
  return CONTACT_ROLES.find((role) => role === value) ?? 'alternate';
}

/** The people CBP contacts about the membership; the primary one is a company officer. */
export function ContactsSection({
  profile,
  canManage,
}: {
  profile: CompanyProfile;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<CompanyContact | null>(null);
  const members = useQuery(membersQuery(profile.organisationId));
  const people = members.data?.items ?? [];
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: companyProfileKeys.own(profile.organisationId) });
  const remove = useMutation({
    mutationFn: (contact: CompanyContact) => removeContact(contact.id),
    onSuccess: refresh,
  });
  const columns: DataTableColumn<CompanyContact>[] = [
    {
      id: 'name',
      header: t('companyProfile.contacts.columns.name'),
      cell: (contact) => (
        <>
          {contact.fullName}
          {contact.title ? (
            <span className="display-block font-sans-2xs text-normal">{contact.title}</span>
          ) : null}
        </>
      ),
    },
    {
      id: 'role',
      header: t('companyProfile.contacts.columns.role'),
      cell: (contact) => t(`companyProfile.contacts.roles.${contact.role}`),
    },
    {
      id: 'reach',
      header: t('companyProfile.contacts.columns.reach'),
      cell: (contact) => (
        <>
          <a href={`mailto:${contact.email}`} className="display-block">
            {contact.email}
          </a>
          {contact.telephone ? <span className="display-block">{contact.telephone}</span> : null}
        </>
      ),
    },
    {
      id: 'account',
      header: t('companyProfile.contacts.columns.account'),
      cell: (contact) =>
        contact.userId
          ? (people.find((person) => person.userId === contact.userId)?.displayName ??
            t('companyProfile.contacts.linked'))
          : t('companyProfile.contacts.noAccount'),
    },
  ];
  if (canManage) {
    columns.push({
      id: 'actions',
      header: t('companyProfile.columns.actions'),
      cell: (contact) => (
        <div className="display-flex flex-wrap flex-align-center">
          <Button
            variant="unstyled"
            className="margin-right-2"
            aria-label={t('companyProfile.contacts.editLabel', { name: contact.fullName })}
            onClick={() => setEditing(contact)}
          >
            {t('companyProfile.edit')}
          </Button>
          <ConfirmButton
            label={t('companyProfile.remove')}
            accessibleLabel={t('companyProfile.contacts.removeLabel', { name: contact.fullName })}
            question={t('companyProfile.contacts.removeQuestion', { name: contact.fullName })}
            confirmLabel={t('companyProfile.removeConfirm')}
            pending={remove.isPending && remove.variables?.id === contact.id}
            pendingLabel={t('companyProfile.removing')}
            onConfirm={() => remove.mutate(contact)}
          />
        </div>
      ),
    });
  }
  return (
    <section aria-labelledby="company-contacts" className="margin-top-6">
      <h2 id="company-contacts">{t('companyProfile.contacts.heading')}</h2>
      <p>{t('companyProfile.contacts.intro')}</p>
      {remove.isError ? (
        <ApiErrorAlert heading={t('companyProfile.removeFailed')} error={remove.error} />
      ) : null}
      {profile.contacts.length === 0 ? (
        <p className="text-italic">{t('companyProfile.contacts.none')}</p>
      ) : (
        <DataTable
          caption={t('companyProfile.contacts.caption')}
          scrollable
          columns={columns}
          rows={profile.contacts}
          rowKey={(contact) => contact.id}
        />
      )}
      {canManage ? (
        <ContactForm
          key={editing?.id ?? 'new'}
          contact={editing}
          people={people}
          hasPrimary={profile.contacts.some((contact) => contact.role === 'primary')}
          onSaved={refresh}
          onDone={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}

function ContactForm({
  contact,
  people,
  hasPrimary,
  onSaved,
  onDone,
}: {
  contact: CompanyContact | null;
  people: readonly Member[];
  hasPrimary: boolean;
  onSaved: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (contact) {
      headingRef.current?.focus();
    }
  }, [contact]);
  const initial = contact
    ? valuesOf(contact)
    : { ...EMPTY, role: hasPrimary ? 'alternate' : 'primary' };
  const form = useApiForm({
    initial,
    validate: (values) => {
      const errors: FieldErrors<ContactValues> = {};
      if (isBlank(values.fullName)) errors.fullName = t('forms.errors.required');
      if (!looksLikeEmail(values.email)) errors.email = t('forms.errors.email');
      if (values.role === 'primary' && values.userId === '') {
        errors.userId = t('companyProfile.contacts.primaryNeedsOfficer');
      }
      return errors;
    },
    submit: (values) => {
      const body = {
        role: roleOf(values.role),
        fullName: values.fullName,
        title: values.title,
        email: values.email.trim(),
        telephone: values.telephone.trim(),
        userId: values.userId === '' ? null : values.userId,
      };
      return contact ? updateContact(contact.id, body) : addContact(body);
    },
    onSuccess: () => {
      onSaved();
      if (contact) onDone();
    },
    resetOnSuccess: contact === null,
  });
  const heading = contact
    ? t('companyProfile.contacts.editHeading')
    : t('companyProfile.contacts.addHeading');
  return (
    <div className="margin-top-4">
      <h3 ref={headingRef} tabIndex={-1} id="company-contact-form">
        {heading}
      </h3>
      {form.result && !contact ? (
        <SuccessNotice>{t('companyProfile.contacts.added')}</SuccessNotice>
      ) : null}
      <RequestForm
        form={form}
        label={heading}
        failedHeading={t('companyProfile.contacts.failed')}
        submitLabel={contact ? t('companyProfile.save') : t('companyProfile.contacts.add')}
        pendingLabel={t('forms.saving')}
      >
        <SelectField
          id="contact-role"
          name="role"
          label={t('companyProfile.contacts.role')}
          value={form.values.role}
          error={form.errors.role}
          options={CONTACT_ROLES.map((role) => ({
            value: role,
            label: t(`companyProfile.contacts.roles.${role}`),
          }))}
          onChange={(value) => form.set('role', value)}
        />
        <TextField
          id="contact-full-name"
          name="fullName"
          label={t('companyProfile.contacts.fullName')}
          autoComplete="name"
          maxLength={COMPANY_NAME_MAX}
          required
          value={form.values.fullName}
          error={form.errors.fullName}
          onChange={(value) => form.set('fullName', value)}
        />
        <TextField
          id="contact-title"
          name="title"
          label={t('companyProfile.contacts.title')}
          autoComplete="organization-title"
          maxLength={120}
          value={form.values.title}
          error={form.errors.title}
          onChange={(value) => form.set('title', value)}
        />
        <TextField
          id="contact-email"
          name="email"
          type="email"
          label={t('companyProfile.contacts.email')}
          autoComplete="email"
          maxLength={EMAIL_MAX}
          required
          value={form.values.email}
          error={form.errors.email}
          onChange={(value) => form.set('email', value)}
        />
        <TextField
          id="contact-telephone"
          name="telephone"
          type="tel"
          label={t('companyProfile.contacts.telephone')}
          autoComplete="tel"
          width="medium"
          maxLength={TELEPHONE_MAX}
          value={form.values.telephone}
          error={form.errors.telephone}
          onChange={(value) => form.set('telephone', value)}
        />
        <SelectField
          id="contact-user"
          name="userId"
          label={t('companyProfile.contacts.user')}
          hint={t('companyProfile.contacts.userHint')}
          value={form.values.userId}
          error={form.errors.userId}
          emptyOption={t('companyProfile.contacts.noAccount')}
          options={people.map((person) => ({
            value: person.userId,
            label: `${person.displayName} (${person.email})`,
          }))}
          onChange={(value) => form.set('userId', value)}
        />
      </RequestForm>
      {contact ? (
        <Button variant="unstyled" className="margin-top-2" onClick={onDone}>
          {t('companyProfile.cancelEdit')}
        </Button>
      ) : null}
    </div>
  );
}
