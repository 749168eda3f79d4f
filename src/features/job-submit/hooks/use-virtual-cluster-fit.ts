import { useQuery } from '@tanstack/react-query';
import { capacityProblems } from '../../../../contract/job-capacity.ts';
import { pathSegments } from '../../../../contract/validation-problem.ts';
import {
  virtualClustersQueryOptions,
  type NamedVirtualCluster,
} from '../../../api/virtual-clusters/get-virtual-clusters.ts';
import { asFields, textOf } from '../model/config-view.ts';
import type { PathProblem } from '../model/problem-markers.ts';
import { DEFAULT_TARGET, type TemplateTarget } from '../model/templates.ts';

export interface VirtualClusterFit {
  /** The config's virtual cluster as the server reports it; undefined while loading or unknown. */
  chosen: NamedVirtualCluster | undefined;
  /** What templates are sized to: the chosen VC, else the first one the person may use. */
  target: TemplateTarget;
  /** Why the config can never run in the chosen VC (more than its whole capacity). */
  problems: PathProblem[];
}

const targetOf = (cluster: NamedVirtualCluster): TemplateTarget => ({
  virtualCluster: cluster.name,
  total: {
    cpus: cluster.resourcesTotal.vCores,
    memoryMB: cluster.resourcesTotal.memory,
    gpus: cluster.resourcesTotal.GPUs,
  },
});

/** The chosen virtual cluster's capacity, and what it means for the config and the templates. */
export function useVirtualClusterFit(
  config: unknown,
  usable: string[] | undefined,
): VirtualClusterFit {
  const clusters = useQuery({ ...virtualClustersQueryOptions(), refetchInterval: 15_000 });
  const name = textOf(asFields(config).virtualCluster) || 'default';
  const chosen = clusters.data?.find((cluster) => cluster.name === name);
  const mayUse = (cluster: NamedVirtualCluster) => !usable || usable.includes(cluster.name);
  const templateCluster =
    chosen && mayUse(chosen) ? chosen : clusters.data?.find((cluster) => mayUse(cluster));
  const problems = chosen
    ? capacityProblems(config, chosen.name, targetOf(chosen).total).map((problem) => ({
        path: pathSegments(problem.path),
        message: problem.message,
      }))
    : [];
  return {
    chosen,
    target: templateCluster ? targetOf(templateCluster) : DEFAULT_TARGET,
    problems,
  };
}
