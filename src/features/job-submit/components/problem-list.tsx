import { Icon, Link, Stack, Text, useTheme } from '@fluentui/react';
import type { EditorProblem } from '../../../components/monaco/index.ts';

interface ProblemListProps {
  problems: EditorProblem[];
  onShow: (offset: number) => void;
}

/** What the editor marks, also as a list: readable without seeing the squiggles, and a way to jump there. */
export function ProblemList({ problems, onShow }: ProblemListProps) {
  const theme = useTheme();
  if (problems.length === 0) {
    return (
      <Text role="status" styles={{ root: { color: theme.semanticColors.successIcon } }}>
        <Icon iconName="CheckMark" /> No problems found in the config.
      </Text>
    );
  }
  return (
    <section aria-label="Problems in the config">
      <Text role="status" styles={{ root: { fontWeight: 600 } }}>
        {problems.length} problem{problems.length === 1 ? '' : 's'} in the config
      </Text>
      <Stack
        as="ul"
        tokens={{ childrenGap: 2 }}
        styles={{ root: { margin: '4px 0 0', paddingLeft: 18 } }}
      >
        {problems.slice(0, 20).map((problem, index) => (
          <li key={index}>
            <Link onClick={() => onShow(problem.offset)}>
              Line {problem.line}, column {problem.column}
            </Link>
            : {problem.message}
          </li>
        ))}
      </Stack>
    </section>
  );
}
