import { mergeStyleSets, Text, useTheme } from '@fluentui/react';

const WIDTH = 240;
const HEIGHT = 64;

const classes = mergeStyleSets({
  figure: { margin: 0, width: WIDTH },
  svg: { display: 'block', width: WIDTH, height: HEIGHT },
});

export interface Point {
  time: number;
  value: number;
}

interface TimeSeriesChartProps {
  title: string;
  /** One line per attempt. */
  lines: Point[][];
  /** A dashed line at what the task asked for (memory limit, requested cores). */
  limit?: number;
  /** The sentence a person reads (and a screen reader hears) instead of the picture. */
  summary: string;
}

/** A small line chart drawn as SVG attributes (no style sheet, CSP-safe), with its summary as text. */
export function TimeSeriesChart({ title, lines, limit, summary }: TimeSeriesChartProps) {
  const theme = useTheme();
  const points = lines.flat();
  const start = Math.min(...points.map((point) => point.time));
  const end = Math.max(...points.map((point) => point.time));
  const top = Math.max(limit ?? 0, ...points.map((point) => point.value), 1) * 1.05;
  const x = (time: number) => (end > start ? ((time - start) / (end - start)) * WIDTH : 0);
  const y = (value: number) => HEIGHT - (value / top) * HEIGHT;
  return (
    <figure className={classes.figure}>
      <Text as="figcaption" variant="small" block>
        <strong>{title}</strong>: {summary}
      </Text>
      <svg
        className={classes.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}: ${summary}`}
      >
        <rect
          width={WIDTH}
          height={HEIGHT}
          fill={theme.palette.neutralLighterAlt}
          stroke={theme.palette.neutralLight}
        />
        {limit !== undefined && (
          <line
            x1={0}
            x2={WIDTH}
            y1={y(limit)}
            y2={y(limit)}
            stroke={theme.palette.redDark}
            strokeDasharray="4 3"
          />
        )}
        {lines.map((line, index) =>
          line.length === 1 ? (
            <circle
              key={index}
              cx={x(line[0]!.time)}
              cy={y(line[0]!.value)}
              r={2}
              fill={theme.palette.themePrimary}
            />
          ) : (
            <polyline
              key={index}
              fill="none"
              stroke={theme.palette.themePrimary}
              strokeWidth={1.5}
              points={line.map((point) => `${x(point.time)},${y(point.value)}`).join(' ')}
            />
          ),
        )}
      </svg>
    </figure>
  );
}
