import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { isJobNameTaken } from '../../../api/jobs/get-job.ts';
import { errorMessage, PaiError } from '../../../lib/pai-error.ts';
import { useSubmitJob } from './use-submit-job.ts';
import type { ConfigReading } from '../config-text/read-config.ts';
import { asFields, textOf } from '../model/config-view.ts';
import { findFreeName } from '../model/free-name.ts';
import { rememberNodes, type AnsweredProblem } from '../model/problem-markers.ts';
import { describeSubmitFailure, type SubmitFailure } from '../model/submit-failure.ts';

/** A failed submission as the page shows it, with the text it was about. */
export type ShownFailure = { aboutText: string } & (
  | Exclude<SubmitFailure, { kind: 'invalid' | 'name-taken' }>
  | { kind: 'invalid'; message: string; answered: AnsweredProblem[] }
  | { kind: 'name-taken'; message: string; jobName: string; freeName?: string }
  | { kind: 'syntax'; message: string; offset: number }
);

interface SubmissionInput {
  user: string;
  text: string;
  reading: ConfigReading;
  onSubmitted: (jobName: string) => void;
}

/** Submits the text as it is and turns a refusal into something the page can point at. */
export function useSubmission({ user, text, reading, onSubmitted }: SubmissionInput) {
  const queryClient = useQueryClient();
  const mutation = useSubmitJob();
  const [failure, setFailure] = useState<ShownFailure | null>(null);
  const inFlight = useRef(false); // a double Ctrl+Enter must not post twice

  const submit = () => {
    if (inFlight.current) return;
    if (!reading.ok) {
      const first = reading.problems[0];
      setFailure({
        aboutText: text,
        kind: 'syntax',
        message: `The JSON is not valid: ${first?.message ?? 'fix it first'}.`,
        offset: first?.offset ?? 0,
      });
      return;
    }
    const jobName = textOf(asFields(reading.value).jobName);
    const submittedText = text;
    setFailure(null);
    inFlight.current = true;
    mutation.mutate(
      { username: user, text: submittedText },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: () => onSubmitted(jobName),
        onError: (error) => {
          const answer =
            error instanceof PaiError
              ? error
              : { status: 0, code: 'UnknownError', message: errorMessage(error) };
          const described = describeSubmitFailure(answer);
          if (described.kind === 'invalid') {
            setFailure({
              aboutText: submittedText,
              kind: 'invalid',
              message: described.message,
              answered: rememberNodes(submittedText, described.problems),
            });
          } else if (described.kind === 'name-taken') {
            const shown = {
              aboutText: submittedText,
              kind: 'name-taken' as const,
              message: described.message,
              jobName,
            };
            setFailure(shown);
            findFreeName(jobName, (name) => isJobNameTaken(queryClient, user, name)).then(
              (freeName) =>
                setFailure((current) => (current === shown ? { ...shown, freeName } : current)),
              () => undefined, // no suggestion: the person can still rename by hand
            );
          } else {
            setFailure({ ...described, aboutText: submittedText });
          }
        },
      },
    );
  };

  return {
    submit,
    submitting: mutation.isPending,
    failure,
    dismissFailure: () => setFailure(null),
  };
}
