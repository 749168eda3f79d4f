import { Icon, Link, Stack, Text, useTheme } from '@fluentui/react';
import type { ListedProblem } from '../model/current-problems.ts';

interface ProblemListProps {
  problems: ListedProblem[];
  /** A server error is shown for the current text: then "no problems" would contradict it. */
  serverError: boolean;
  onShow: (offset: number) => void;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The one list of problems: the editor's, the page's checks and the server's answer, each once. */
export function ProblemList({ problems, serverError, onShow }: ProblemListProps) {
  const theme = useTheme();
  const current = problems.filter((problem) => !problem.outOfDate);
  if (problems.length === 0) {
    if (serverError) return null;
    return (
      <Text role="status" styles={{ root: { color: theme.semanticColors.successIcon } }}>
        <Icon iconName="CheckMark" /> No problems found in the config.
      </Text>
    );
  }
  return (
    <section aria-label="Problems in the config">
      <Text role="status" styles={{ root: { fontWeight: 600 } }}>
        {current.length > 0
          ? `${plural(current.length, 'problem')} in the config`
          : 'No current problems found in the config'}
      </Text>
      <Stack
        as="ul"
        tokens={{ childrenGap: 2 }}
        styles={{ root: { margin: '4px 0 0', paddingLeft: 18 } }}
      >
        {problems.slice(0, 20).map((problem, index) => (
          <li
            key={index}
            data-out-of-date={problem.outOfDate || undefined}
            style={problem.outOfDate ? { color: theme.palette.neutralSecondary } : undefined}
          >
            {problem.at && (
              <>
                <Link onClick={() => onShow(problem.at!.offset)}>
                  Line {problem.at.line}, column {problem.at.column}
                </Link>
                :{' '}
              </>
            )}
            {problem.message}
            {problem.outOfDate && (
              <em>
                {' '}
                (out of date: the server said this before your last edits; submit to check again)
              </em>
            )}
          </li>
        ))}
      </Stack>
    </section>
  );
}
