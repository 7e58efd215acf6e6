import { type QueryClient, queryOptions } from '@tanstack/react-query';
import {
  RequiredActionsViewSchema,
  type ResponseDecisionBody,
  type SubmitResponseBody,
} from '../../../../domain/validations/validation-responses.schema.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

/**
 * The responses to a validation report's required actions and CBP's decisions (issue 6, items 6
 * and 7). Routes: src/server/modules/validations/validation-responses.routes.ts. Keys live under
 * `['validations']`, so a response or a decision (which may close the validation) refreshes
 * every validation screen.
 */

export type ResponsesSide = 'member' | 'cbp';

export const validationResponsesKeys = {
  all: ['validations', 'responses'] as const,
  of: (side: ResponsesSide, validationId: string) =>
    ['validations', 'responses', side, validationId] as const,
};

function id(value: string): string {
  return encodeURIComponent(value);
}

export function requiredActionsQuery(side: ResponsesSide, validationId: string) {
  return queryOptions({
    queryKey: validationResponsesKeys.of(side, validationId),
    queryFn: ({ signal }) =>
      apiGet(
        side === 'member'
          ? `/api/v1/validations/${id(validationId)}/required-actions`
          : `/api/v1/cbp/validations/${id(validationId)}/required-actions`,
        RequiredActionsViewSchema,
        { signal },
      ),
  });
}

export function submitResponse(validationId: string, findingId: string, body: SubmitResponseBody) {
  return apiSend(
    'POST',
    `/api/v1/validations/${id(validationId)}/required-actions/${id(findingId)}/responses`,
    RequiredActionsViewSchema,
    body,
  );
}

export function decideResponse(
  validationId: string,
  responseId: string,
  body: ResponseDecisionBody,
) {
  return apiSend(
    'POST',
    `/api/v1/cbp/validations/${id(validationId)}/responses/${id(responseId)}/decision`,
    RequiredActionsViewSchema,
    body,
  );
}

/** After a change: every validation screen (a decision may have closed the validation). */
export function refreshAfterResponse(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: ['validations'] });
}
