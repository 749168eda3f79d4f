import { JOB_CONFIG_DEFAULTS } from './job-config-schema.ts';
import { joinPath, type ValidationProblem } from './validation-problem.ts';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** The value if it is a schema-valid integer, its default if absent, else null (the schema reports it). */
const integerAtLeast = (value: unknown, min: number, fallback: number | null): number | null =>
  value === undefined
    ? fallback
    : Number.isInteger(value) && (value as number) >= min
      ? (value as number)
      : null;

/** Ports one task may ask for, so that no config can exhaust the machine's ports or descriptors. */
export const MAX_PORTS_PER_TASK = 100;
/** Labels every task gets a port for when its portList does not name them. */
const ALWAYS_PORT_LABELS = ['ssh', 'http'];

/** Ports one task of the role gets: its portList's portNumbers plus one for each label always added. */
function portsPerTask(portList: unknown): number | null {
  if (!Array.isArray(portList)) return portList === undefined ? ALWAYS_PORT_LABELS.length : null;
  let total = 0;
  const labels = new Set<unknown>();
  for (const port of portList) {
    if (!isObject(port)) return null;
    const count = integerAtLeast(port.portNumber, 0, 1);
    if (count === null) return null;
    total += count;
    labels.add(port.label);
  }
  return total + ALWAYS_PORT_LABELS.filter((label) => !labels.has(label)).length;
}

/**
 * The job-config rules JSON Schema cannot express (docs/api.md §7): shmMB <= memoryMB,
 * min{Failed,Succeeded}TaskCount <= taskNumber, unique task-role names, and at most
 * MAX_PORTS_PER_TASK ports per task. Absent fields count
 * with their defaults; fields of the wrong type are left to the schema.
 */
export function checkJobConfigRules(config: unknown): ValidationProblem[] {
  if (!isObject(config) || !Array.isArray(config.taskRoles)) return [];
  const problems: ValidationProblem[] = [];
  const firstIndexOfName = new Map<string, number>();
  config.taskRoles.forEach((taskRole: unknown, index) => {
    if (!isObject(taskRole)) return;
    const at = (field: string) => joinPath(joinPath('taskRoles', index), field);

    const memoryMB = integerAtLeast(taskRole.memoryMB, 100, JOB_CONFIG_DEFAULTS.memoryMB);
    const shmMB = integerAtLeast(taskRole.shmMB, -Infinity, JOB_CONFIG_DEFAULTS.shmMB);
    if (memoryMB !== null && shmMB !== null && shmMB > memoryMB) {
      problems.push({
        path: at('shmMB'),
        message: `${at('shmMB')} must be <= ${at('memoryMB')} (${memoryMB})`,
      });
    }

    const ports = portsPerTask(taskRole.portList);
    if (ports !== null && ports > MAX_PORTS_PER_TASK) {
      problems.push({
        path: at('portList'),
        message: `${at('portList')} gives each task ${ports} ports (counting ssh and http); at most ${MAX_PORTS_PER_TASK} are allowed`,
      });
    }

    const taskNumber = integerAtLeast(taskRole.taskNumber, 1, JOB_CONFIG_DEFAULTS.taskNumber);
    for (const field of ['minFailedTaskCount', 'minSucceededTaskCount'] as const) {
      const count = integerAtLeast(taskRole[field], 1, JOB_CONFIG_DEFAULTS[field]);
      if (taskNumber !== null && count !== null && count > taskNumber) {
        problems.push({
          path: at(field),
          message: `${at(field)} must be <= ${at('taskNumber')} (${taskNumber})`,
        });
      }
    }

    if (typeof taskRole.name === 'string') {
      const first = firstIndexOfName.get(taskRole.name);
      if (first === undefined) firstIndexOfName.set(taskRole.name, index);
      else {
        const message = `${at('name')} must be unique: "${taskRole.name}" is also the name of taskRoles[${first}]`;
        problems.push({ path: at('name'), message });
      }
    }
  });
  return problems;
}
