import { mergeStyleSets, Text, useTheme } from '@fluentui/react';
import { useId, type ReactNode } from 'react';

const classes = mergeStyleSets({
  card: { padding: 16, borderRadius: 4, minWidth: 0 },
  header: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: 8,
    marginBottom: 12,
  },
});

/** A titled section of a page; the title names the region for screen readers. */
export function Card({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const theme = useTheme();
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={classes.card}
      style={{ background: theme.palette.white, boxShadow: theme.effects.elevation4 }}
    >
      <div className={classes.header}>
        <Text as="h2" variant="large" id={headingId} styles={{ root: { margin: 0 } }}>
          {title}
        </Text>
        {actions}
      </div>
      {children}
    </section>
  );
}
