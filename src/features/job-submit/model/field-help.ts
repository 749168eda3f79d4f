import { jobConfigSchema } from '../../../../contract/job-config-schema.ts';

type Described = Record<string, { description?: string } | undefined>;

/** Help text for form fields, from the same JSON Schema the editor and the server use. */
export const fieldHelp = {
  job: (key: string) => (jobConfigSchema.properties as Described)[key]?.description,
  taskRole: (key: string) =>
    (jobConfigSchema.definitions.taskRole.properties as Described)[key]?.description,
  port: (key: string) =>
    (jobConfigSchema.definitions.port.properties as Described)[key]?.description,
};
