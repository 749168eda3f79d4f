import { Checkbox, Stack, TextField } from '@fluentui/react';
import { useEffect, useState } from 'react';

interface UsersFilterProps {
  users: string[];
  me: string;
  onChange: (users: string[]) => void;
}

const parse = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((user) => user.trim())
      .filter(Boolean),
  ),
];

/** "My jobs" at one click, or any user names (comma-separated), applied on Enter or when leaving the field. */
export function UsersFilter({ users, me, onChange }: UsersFilterProps) {
  const [text, setText] = useState(users.join(', '));
  useEffect(() => setText(users.join(', ')), [users]);
  const mine = users.length === 1 && users[0] === me;
  const apply = () => {
    const next = parse(text);
    if (next.join(',') !== users.join(',')) onChange(next);
  };
  return (
    <Stack horizontal verticalAlign="end" tokens={{ childrenGap: 8 }}>
      <TextField
        label="Users"
        placeholder="alice, bob"
        value={text}
        onChange={(_, value) => setText(value ?? '')}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply();
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
