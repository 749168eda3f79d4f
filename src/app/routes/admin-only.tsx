import { Link as FluentLink, Text } from '@fluentui/react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Column } from '../../components/column.tsx';
import { useSession } from '../../lib/use-session.ts';

/** An administration page for admins; anyone else is told so (the server refuses them too). */
export function AdminOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session?.admin) return children;
  return (
    <Column style={{ padding: 24 }}>
      <Text as="h1" variant="xxLarge">
        Administrators only
      </Text>
      <Text as="p">
        This page is for administrators of the cluster, and {session?.user ?? 'you'} is not one. Ask
        an administrator if you need a change to users or virtual clusters.
      </Text>
      <Text as="p">
        <FluentLink as={Link} to="/">
          Go to the dashboard
        </FluentLink>
      </Text>
    </Column>
  );
}
