/** Configs to start from. Each gets a fresh job name so a template can be submitted twice. */
export interface JobTemplate {
  id: string;
  title: string;
  description: string;
  text: (jobName: string) => string;
}

const pretty = (config: object) => `${JSON.stringify(config, null, 2)}\n`;

export const JOB_TEMPLATES: JobTemplate[] = [
  {
    id: 'hello-world',
    title: 'Hello world',
    description: 'One task that prints a greeting.',
    text: (jobName) =>
      pretty({
        jobName,
        image: 'ubuntu:22.04',
        virtualCluster: 'default',
        retryCount: 0,
        taskRoles: [
          {
            name: 'main',
            taskNumber: 1,
            cpuNumber: 1,
            memoryMB: 256,
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
      'A server and two workers that find it through $PAI_HOST_IP_* and $PAI_PORT_LIST_*.',
    text: (jobName) =>
      pretty({
        jobName,
        image: 'ubuntu:22.04',
        virtualCluster: 'default',
        retryCount: 0,
        taskRoles: [
          {
            name: 'server',
            taskNumber: 1,
            cpuNumber: 1,
            memoryMB: 512,
            gpuNumber: 0,
            portList: [{ label: 'api', beginAt: 0, portNumber: 1 }],
            command: 'echo "serving on port $PAI_PORT_LIST_server_0_api"; sleep 60',
          },
          {
            name: 'worker',
            taskNumber: 2,
            cpuNumber: 1,
            memoryMB: 512,
            gpuNumber: 0,
            minSucceededTaskCount: 2,
            command:
              'echo "worker $PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX uses $PAI_HOST_IP_server_0:$PAI_PORT_LIST_server_0_api for $EPOCHS epochs"; sleep 5',
          },
        ],
        jobEnvs: { EPOCHS: '3' },
      }),
  },
  {
    id: 'gpu',
    title: 'GPU',
    description: 'One task with one GPU; needs a virtual cluster that has GPUs.',
    text: (jobName) =>
      pretty({
        jobName,
        image: 'nvidia/cuda:12.4.1-base-ubuntu22.04',
        virtualCluster: 'default',
        retryCount: 0,
        taskRoles: [
          {
            name: 'train',
            taskNumber: 1,
            cpuNumber: 2,
            memoryMB: 4096,
            shmMB: 1024,
            gpuNumber: 1,
            command: 'echo "GPUs: $CUDA_VISIBLE_DEVICES"; nvidia-smi || true',
          },
        ],
      }),
  },
];

/** `hello-world-3fa9`: a template's name with a short random suffix. */
export function freshJobName(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(2));
  return `${prefix}-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
