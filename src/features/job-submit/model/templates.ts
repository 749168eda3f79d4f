import type { Resources } from '../../../../contract/job-capacity.ts';

/** The virtual cluster a template is made for: its name and whole capacity. */
export interface TemplateTarget {
  virtualCluster: string;
  total: Resources;
}

/**
 * Configs to start from, sized to the chosen virtual cluster so that each runs there unchanged.
 * Each gets a fresh job name so a template can be submitted twice.
 */
export interface JobTemplate {
  id: string;
  title: string;
  description: string;
  /** Why the template cannot run on the target at all, or null. */
  unfit: (target: TemplateTarget) => string | null;
  text: (jobName: string, target: TemplateTarget) => string;
}

const pretty = (config: object) => `${JSON.stringify(config, null, 2)}\n`;
/** Memory per task: `wanted`, or an equal share of the VC's memory when that is less (at least 100). */
const memoryShare = (wanted: number, tasks: number, total: Resources) =>
  Math.max(100, Math.min(wanted, Math.floor(total.memoryMB / tasks)));
const noCpus = ({ virtualCluster, total }: TemplateTarget) =>
  total.cpus < 1 ? `Virtual cluster ${virtualCluster} has no CPUs.` : null;

/** The cluster the page starts with before it knows the real one: a template for one CPU. */
export const DEFAULT_TARGET: TemplateTarget = {
  virtualCluster: 'default',
  total: { cpus: 1, memoryMB: 1024, gpus: 0 },
};

export const JOB_TEMPLATES: JobTemplate[] = [
  {
    id: 'hello-world',
    title: 'Hello world',
    description: 'One task that prints a greeting.',
    unfit: noCpus,
    text: (jobName, { virtualCluster, total }) =>
      pretty({
        jobName,
        image: 'ubuntu:22.04',
        virtualCluster,
        retryCount: 0,
        taskRoles: [
          {
            name: 'main',
            taskNumber: 1,
            cpuNumber: 1,
            memoryMB: memoryShare(256, 1, total),
            gpuNumber: 0,
            command:
              'echo "Hello from $PAI_JOB_NAME, task $PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX"',
          },
        ],
      }),
  },
  {
    id: 'distributed',
    title: 'Distributed',
    description:
      'A server and workers (two where the cluster has 3 CPUs) that find it through $PAI_HOST_IP_* and $PAI_PORT_LIST_*.',
    unfit: ({ virtualCluster, total }) =>
      total.cpus < 2 || total.memoryMB < 200
        ? `Needs 2 CPUs and 200 MB of memory; virtual cluster ${virtualCluster} has ${total.cpus} CPU${total.cpus === 1 ? '' : 's'} and ${total.memoryMB} MB.`
        : null,
    text: (jobName, { virtualCluster, total }) => {
      const workers = Math.min(2, total.cpus - 1);
      const memoryMB = memoryShare(512, workers + 1, total);
      return pretty({
        jobName,
        image: 'ubuntu:22.04',
        virtualCluster,
        retryCount: 0,
        taskRoles: [
          {
            name: 'server',
            taskNumber: 1,
            cpuNumber: 1,
            memoryMB,
            gpuNumber: 0,
            portList: [{ label: 'api', beginAt: 0, portNumber: 1 }],
            command: 'echo "serving on port $PAI_PORT_LIST_server_0_api"; sleep 60',
          },
          {
            name: 'worker',
            taskNumber: workers,
            cpuNumber: 1,
            memoryMB,
            gpuNumber: 0,
            minSucceededTaskCount: workers,
            command:
              'echo "worker $PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX uses $PAI_HOST_IP_server_0:$PAI_PORT_LIST_server_0_api for $EPOCHS epochs"; sleep 5',
          },
        ],
        jobEnvs: { EPOCHS: '3' },
      });
    },
  },
  {
    id: 'gpu',
    title: 'GPU',
    description: 'One task with one GPU.',
    unfit: ({ virtualCluster, total }) =>
      total.gpus < 1
        ? `Needs a GPU; virtual cluster ${virtualCluster} has none.`
        : noCpus({ virtualCluster, total }),
    text: (jobName, { virtualCluster, total }) => {
      const memoryMB = memoryShare(4096, 1, total);
      return pretty({
        jobName,
        image: 'nvidia/cuda:12.4.1-base-ubuntu22.04',
        virtualCluster,
        retryCount: 0,
        taskRoles: [
          {
            name: 'train',
            taskNumber: 1,
            cpuNumber: Math.min(2, total.cpus),
            memoryMB,
            shmMB: Math.min(1024, Math.floor(memoryMB / 4)),
            gpuNumber: 1,
            command: 'echo "GPUs: $CUDA_VISIBLE_DEVICES"; nvidia-smi || true',
          },
        ],
      });
    },
  },
];

/** `hello-world-3fa9`: a template's name with a short random suffix. */
export function freshJobName(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(2));
  return `${prefix}-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
