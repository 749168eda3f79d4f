import { Checkbox, Stack, TextField } from '@fluentui/react';
import { useTypedFilter } from '../hooks/use-typed-filter.ts';

interface UsersFilterProps {
  users: string[];
  me: string;
  onChange: (users: string[], options?: { replace: boolean }) => void;
}

const parse = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((user) => user.trim())
      .filter(Boolean),
  ),
];

const sameUser = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * "My jobs" at one click, or user names (comma-separated, any case: the server matches them
 * whatever their case, docs/api.md §5.2); applies after a pause in typing or on Enter, like the
 * keyword.
 */
export function UsersFilter({ users, me, onChange }: UsersFilterProps) {
  const filter = useTypedFilter(users.join(', '), (text, options) => {
    const next = parse(text);
    if (next.join(',') !== users.join(',')) onChange(next, options);
  });
  const mine = users.length === 1 && sameUser(users[0]!, me);
  const commit = () => {
    filter.applyNow(filter.text);
    filter.endEdit();
  };
  return (
    <Stack horizontal verticalAlign="end" tokens={{ childrenGap: 8 }}>
      <TextField
        label="Users"
        placeholder="Any user"
        value={filter.text}
        onChange={(_, value) => filter.setText(value ?? '')}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
        styles={{ root: { width: 180 } }}
      />
      <Checkbox
        label="My jobs"
        checked={mine}
        onChange={(_, checked) => onChange(checked ? [me] : [])}
        styles={{ root: { marginBottom: 6 } }}
      />
    </Stack>
  );
}
