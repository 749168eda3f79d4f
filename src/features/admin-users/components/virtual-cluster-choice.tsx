import { Checkbox, Shimmer, Stack, Text } from '@fluentui/react';
import { useQuery } from '@tanstack/react-query';
import { virtualClustersQueryOptions } from '../../../api/virtual-clusters/get-virtual-clusters.ts';
import { ErrorBar } from '../../../components/error-bar.tsx';

interface VirtualClusterChoiceProps {
  chosen: string[];
  onChange: (chosen: string[]) => void;
  disabled?: boolean;
}

/** One checkbox per virtual cluster of the cluster, in a labelled group. */
export function VirtualClusterChoice({ chosen, onChange, disabled }: VirtualClusterChoiceProps) {
  const clusters = useQuery(virtualClustersQueryOptions());
  if (clusters.isError && !clusters.data)
    return <ErrorBar error={clusters.error} title="Could not load virtual clusters" />;
  if (!clusters.data) return <Shimmer />;
  return (
    <Stack role="group" aria-labelledby="vc-choice-label" tokens={{ childrenGap: 6 }}>
      <Text id="vc-choice-label" variant="medium">
        Virtual clusters
      </Text>
      {clusters.data.map(({ name }) => (
        <Checkbox
          key={name}
          label={name}
          disabled={disabled}
          checked={chosen.includes(name)}
          onChange={(_, checked) =>
            onChange(checked ? [...chosen, name] : chosen.filter((other) => other !== name))
          }
        />
      ))}
    </Stack>
  );
}
