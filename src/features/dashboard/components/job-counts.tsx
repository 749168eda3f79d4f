import { mergeStyleSets, Shimmer, Text, useTheme } from '@fluentui/react';
import { Link } from 'react-router';
import { Card } from '../../../components/card.tsx';
import { ErrorBar } from '../../../components/error-bar.tsx';
import { STATE_COLORS } from '../../../components/state-badge.tsx';
import { DISPLAY_STATES } from '../../../lib/display-states.ts';
import { useJobCounts } from '../hooks/dashboard-queries.ts';

const classes = mergeStyleSets({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(110px, 1fr))', gap: 8 },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    padding: '8px 12px',
    borderTopWidth: 3,
    borderTopStyle: 'solid',
    borderRadius: 2,
    textDecoration: 'none',
    color: 'inherit',
    selectors: { ':hover': { textDecoration: 'underline' } },
  },
});

const numberFormat = new Intl.NumberFormat();
const jobCount = (count: number) => `${count} ${count === 1 ? 'job' : 'jobs'}`;

/** Counts per state; each links to the job list filtered to it. `username` null: everyone's jobs. */
export function JobCounts({ title, username }: { title: string; username: string | null }) {
  const theme = useTheme();
  const counts = useJobCounts(username);
  const userParam = username ? `&user=${encodeURIComponent(username)}` : '';
  return (
    <Card title={title}>
      {counts.isError && !counts.data ? (
        <ErrorBar
          error={counts.error}
          title="Could not count jobs"
          onRetry={() => counts.refetch()}
        />
      ) : (
        <div className={classes.grid}>
          {DISPLAY_STATES.map((state) => (
            <Link
              key={state}
              to={`/jobs?state=${state}${userParam}`}
              className={classes.tile}
              style={{
                borderTopColor: STATE_COLORS[state],
                background: theme.palette.neutralLighterAlt,
              }}
              aria-label={
                counts.data ? `${state}: ${jobCount(counts.data[state])}` : `${state}: loading`
              }
              data-testid={`count-${state}`}
            >
              {counts.data ? (
                <Text variant="xxLarge" data-count={counts.data[state]}>
                  {numberFormat.format(counts.data[state])}
                </Text>
              ) : (
                <Shimmer width={48} styles={{ root: { margin: '10px 0' } }} />
              )}
              <Text variant="medium">{state}</Text>
            </Link>
          ))}
        </div>
      )}
    </Card>
  );
}
