import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerStatus } from '../../../domain/security-profile/profile-vocabulary.ts';
import type {
  ProfileAnswer,
  SavedAnswer,
} from '../../../domain/security-profile/security-profile.schema.ts';
import { conflictingAnswer, saveProfileAnswer } from './api/security-profile-api.ts';

export interface AnswerDraft {
  status: AnswerStatus | null;
  narrative: string;
  responsibleUserId: string | null;
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; error: unknown }
  /** Someone else saved first: their answer (null: it was removed). Nothing of ours was saved. */
  | { kind: 'conflict'; theirs: ProfileAnswer | null };

/** Typing pauses this long before the answer is saved. */
export const AUTOSAVE_DELAY_MS = 800;

function draftOf(answer: ProfileAnswer | null): AnswerDraft {
  return {
    status: answer?.status ?? null,
    narrative: answer?.narrative ?? '',
    responsibleUserId: answer?.responsibleUserId ?? null,
  };
}

/**
 * Autosave of one criterion's answer: changes wait for a pause in typing (choices save at
 * once), one save is in flight at a time, and each carries the version stamp the editor last
 * saw, so a save on top of someone else's newer answer comes back as a conflict showing theirs.
 */
export function useAnswerAutosave(options: {
  criterionId: string;
  answer: ProfileAnswer | null;
  onSaved: (saved: SavedAnswer) => void;
}) {
  const { criterionId, onSaved } = options;
  const [draft, setDraft] = useState<AnswerDraft>(() => draftOf(options.answer));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(draft);
  const stamp = useRef<string | null>(options.answer?.updatedAt ?? null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setState({ kind: 'saving' });
    try {
      const saved = await saveProfileAnswer(criterionId, {
        ...latest.current,
        expectedUpdatedAt: stamp.current,
      });
      stamp.current = saved.answer.updatedAt;
      onSavedRef.current(saved);
      setState(again.current ? { kind: 'pending' } : { kind: 'saved' });
    } catch (error) {
      const theirs = conflictingAnswer(error);
      again.current = false;
      setState(theirs === undefined ? { kind: 'failed', error } : { kind: 'conflict', theirs });
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void flush();
      }
    }
  }, [criterionId]);

  const change = useCallback(
    (patch: Partial<AnswerDraft>, options: { immediate?: boolean } = {}) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setDraft(next);
      setState((current) => (current.kind === 'conflict' ? current : { kind: 'pending' }));
      if (timer.current !== null) {
        clearTimeout(timer.current);
      }
      if (options.immediate) {
        void flush();
      } else {
        timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
      }
    },
    [flush],
  );

  /** Takes the other person's answer and drops ours. */
  const takeTheirs = useCallback((theirs: ProfileAnswer | null) => {
    const next = draftOf(theirs);
    latest.current = next;
    stamp.current = theirs?.updatedAt ?? null;
    setDraft(next);
    setState({ kind: 'idle' });
  }, []);

  /** Saves ours over the other person's answer, having seen it. */
  const keepMine = useCallback(
    (theirs: ProfileAnswer | null) => {
      stamp.current = theirs?.updatedAt ?? null;
      void flush();
    },
    [flush],
  );

  // Leaving the page with a save still waiting: send it now rather than lose the text.
  useEffect(
    () => () => {
      if (timer.current !== null) {
        clearTimeout(timer.current);
        timer.current = null;
        void flush();
      }
    },
    [flush],
  );

  return { draft, state, change, takeTheirs, keepMine, retry: flush };
}
