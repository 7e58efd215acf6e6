import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipTransition } from '../../../../domain/registry/lifecycle/membership-transitions.ts';
import type { MembershipFile } from '../../../../domain/registry/registry.schema.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import {
  TransitionDialog,
  type TransitionDialogProps,
  type TransitionInput,
} from './transition-dialog.tsx';

export interface TransitionActionsProps<T extends MembershipTransition> {
  /** The transitions to offer, in order (those the file's availableTransitions allow). */
  transitions: readonly T[];
  subject: string;
  /** The query key the file was read under: the answer replaces it. */
  fileKey: readonly unknown[];
  send: (transition: T, input: TransitionInput) => Promise<MembershipFile>;
  specialistField?: TransitionDialogProps['specialistField'];
  heading: string;
  intro?: ReactNode;
}

/**
 * The lifecycle actions open to the viewer on a file, each behind its confirmation dialog; the
 * server's answer (the updated file) replaces the cached file, and a status line says what
 * happened.
 */
export function TransitionActions<T extends MembershipTransition>({
  transitions,
  subject,
  fileKey,
  send,
  specialistField,
  heading,
  intro,
}: TransitionActionsProps<T>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<MembershipTransition | null>(null);
  const mutation = useMutation({
    mutationFn: (variables: { transition: T; input: TransitionInput }) =>
      send(variables.transition, variables.input),
    onSuccess: (file, variables) => {
      queryClient.setQueryData(fileKey, file);
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      setDone(variables.transition);
    },
  });
  if (transitions.length === 0 && done === null) {
    return null;
  }
  return (
    <section aria-labelledby="membership-actions" className="margin-bottom-5">
      <h2 id="membership-actions">{heading}</h2>
      {done ? (
        <Alert type="success" slim role="status">
          <p className="margin-y-0">{t(`registry.transitions.${done}.done`, { subject })}</p>
        </Alert>
      ) : null}
      {intro}
      <div className="display-flex flex-wrap flex-align-start">
        {transitions.map((transition) => (
          <div key={transition} className="margin-right-2">
            <TransitionDialog
              transition={transition}
              subject={subject}
              pending={mutation.isPending && mutation.variables?.transition === transition}
              error={mutation.variables?.transition === transition ? mutation.error : null}
              onOpen={() => {
                mutation.reset();
                setDone(null);
              }}
              onConfirm={(input) => mutation.mutateAsync({ transition, input })}
              {...(specialistField ? { specialistField } : {})}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
