import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { jobListQueryOptions, type JobListRequest } from '../../../api/jobs/get-job-list.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { deleteVirtualCluster } from '../../../api/virtual-clusters/delete-virtual-cluster.ts';
import { virtualClustersQueryOptions } from '../../../api/virtual-clusters/get-virtual-clusters.ts';
import { putVirtualCluster } from '../../../api/virtual-clusters/put-virtual-cluster.ts';

/** Live use: read again every 5 s while the page is open. */
export const VC_REFRESH_MS = 5_000;

/** How many waiting jobs each queue lists. */
export const QUEUE_LENGTH = 20;

export function useVirtualClusters() {
  return useQuery({ ...virtualClustersQueryOptions(), refetchInterval: VC_REFRESH_MS });
}

/**
 * A VC's waiting jobs in the order the scheduler starts them: first submitted first (the local
 * runtime's queue is by submission; docs/api.md §8.1).
 */
export function queueRequest(virtualCluster: string): JobListRequest {
  return {
    offset: 0,
    limit: QUEUE_LENGTH,
    states: ['Waiting'],
    virtualClusters: [virtualCluster],
    order: { field: 'createdTime', descending: false },
  };
}

export function useWaitingQueue(virtualCluster: string) {
  return useQuery({
    ...jobListQueryOptions(queueRequest(virtualCluster)),
    refetchInterval: VC_REFRESH_MS,
  });
}

function useVcChange<T>(change: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    // Users' grants change with a removed VC, the VCs' sizes with any change.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.virtualClusters.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
      ]),
  });
}

export const usePutVirtualCluster = () =>
  useVcChange(({ name, capacity }: { name: string; capacity: number }) =>
    putVirtualCluster(name, capacity),
  );

export const useDeleteVirtualCluster = () =>
  useVcChange((name: string) => deleteVirtualCluster(name));
