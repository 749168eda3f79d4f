import { Link as FluentLink } from '@fluentui/react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A client-side link in the theme's link colours (readable in light and dark themes). */
/** `underline`: for links inside running text, so they do not rely on colour alone. */
export function RouterLink({
  to,
  children,
  underline,
}: {
  to: string;
  children: ReactNode;
  underline?: boolean;
}) {
  return (
    <FluentLink as={Link} to={to} underline={underline}>
      {children}
    </FluentLink>
  );
}
