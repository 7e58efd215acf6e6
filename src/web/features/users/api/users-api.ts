import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { MemberListSchema, MemberSchema } from '../../../../domain/accounts/users.schema.ts';
import type { Role } from '../../../../domain/authorization/roles.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

export const userKeys = {
  members: (organisationId: string) => ['users', 'members', organisationId] as const,
};

/** The people of the organisation the session acts for (the key names it: switching changes it). */
export function membersQuery(organisationId: string) {
  return queryOptions({
    queryKey: userKeys.members(organisationId),
    queryFn: ({ signal }) => apiGet('/api/v1/users', MemberListSchema, { signal }),
  });
}

export function changeMemberRole(userId: string, role: Role) {
  return apiSend('PATCH', `/api/v1/users/${encodeURIComponent(userId)}`, MemberSchema, { role });
}

export function removeMember(userId: string) {
  return apiSend('DELETE', `/api/v1/users/${encodeURIComponent(userId)}`, z.null());
}
