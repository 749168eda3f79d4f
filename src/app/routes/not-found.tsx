import { Link as FluentLink, Text } from '@fluentui/react';
import { Column } from '../../components/column.tsx';
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Column>
      <Text as="h1" variant="xLarge" styles={{ root: { margin: 0 } }}>
        Page not found
      </Text>
      <Text as="p">
        There is no page at <code>{pathname}</code>. It may have moved, or the address may be
        mistyped.
      </Text>
      <Text as="p">
        <FluentLink as={Link} to="/">
          Go to the dashboard
        </FluentLink>{' '}
        or{' '}
        <FluentLink as={Link} to="/jobs">
          see all jobs
        </FluentLink>
        .
      </Text>
    </Column>
  );
}
