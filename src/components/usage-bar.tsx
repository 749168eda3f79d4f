import { mergeStyleSets, Text, useTheme } from '@fluentui/react';

const classes = mergeStyleSets({
  row: { display: 'grid', gridTemplateColumns: '64px 1fr 120px', alignItems: 'center', gap: 8 },
  track: { height: 8, borderRadius: 4, overflow: 'hidden' },
  fill: { height: '100%' },
});

/** One resource of a virtual cluster: used of total, as a bar and in numbers. */
export function UsageBar({
  label,
  used,
  total,
  unit = '',
}: {
  label: string;
  used: number;
  total: number;
  unit?: string;
}) {
  const theme = useTheme();
  const share = total > 0 ? Math.min(1, used / total) : 0;
  const text = `${formatAmount(used)} / ${formatAmount(total)}${unit}`;
  return (
    <div className={classes.row}>
      <Text variant="small">{label}</Text>
      <div
        role="meter"
        aria-label={`${label} used`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={Math.min(used, total)}
        aria-valuetext={text}
        className={classes.track}
        style={{ background: theme.palette.neutralLight }}
      >
        <div
          className={classes.fill}
          style={{
            width: `${share * 100}%`,
            background: share > 0.9 ? theme.palette.redDark : theme.palette.themePrimary,
          }}
        />
      </div>
      <Text variant="small">{text}</Text>
    </div>
  );
}

function formatAmount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
