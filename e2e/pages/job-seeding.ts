import type { PaiApi } from '../../testing/api.ts';
import type { RunningServer } from '../../testing/server.ts';
import { test as base } from '../fixtures/test.ts';

/** Jobs submitted with their exact config text (the API fixture sends a fixed shape) and stopped after the test. */
export class JobSeeding {
  private readonly started: { username: string; jobName: string }[] = [];

  constructor(
    private readonly server: RunningServer,
    private readonly api: PaiApi,
  ) {}

  async token(username: string): Promise<string> {
    const password =
      username === this.server.adminUsername ? this.server.adminPassword : `${username}-password`;
    return (await this.api.login(username, password)).token;
  }

  async submitText(username: string, text: string): Promise<void> {
    const jobName = (JSON.parse(text) as { jobName: string }).jobName;
    await this.call('POST', `/api/v1/user/${username}/jobs`, username, text);
    this.started.push({ username, jobName });
  }

  /** Remembers a job submitted through the page, so it is stopped after the test too. */
  track(username: string, jobName: string): void {
    this.started.push({ username, jobName });
  }

  /** Stops one job now (it answers at once; the job ends shortly after). */
  async stop(username: string, jobName: string): Promise<void> {
    await this.call(
      'PUT',
      `/api/v1/user/${username}/jobs/${jobName}/executionType`,
      username,
      JSON.stringify({ value: 'STOP' }),
    );
  }

  /** Stops every job this test started that still runs: task processes must not outlive the test. */
  async stopAll(): Promise<void> {
    for (const { username, jobName } of this.started.splice(0)) {
      await this.call(
        'PUT',
        `/api/v1/user/${username}/jobs/${jobName}/executionType`,
        username,
        JSON.stringify({ value: 'STOP' }),
      ).catch(
        () => undefined, // already ended
      );
    }
  }

  private async call(method: string, path: string, username: string, body: string): Promise<void> {
    const response = await fetch(`${this.server.baseURL}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await this.token(username)}`,
        'Content-Type': 'application/json',
      },
      body,
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
}

/** A one-task job config as a person writes it. */
export function oneTaskConfig(jobName: string, command: string): string {
  return `{
  "jobName": "${jobName}",
  "image": "ubuntu:22.04",
  "taskRoles": [
    {
      "name": "main",
      "taskNumber": 1,
      "cpuNumber": 1,
      "memoryMB": 128,
      "command": ${JSON.stringify(command)}
    }
  ]
}
`;
}

export const uniqueName = (name: string) => `${name}-${Date.now().toString(36)}`;

/** The shared e2e fixtures plus `seeding`, which stops every job the test started when it ends. */
export const test = base.extend<{ seeding: JobSeeding }>({
  seeding: async ({ server, api }, use) => {
    const seeding = new JobSeeding(server, api);
    await use(seeding);
    await seeding.stopAll();
  },
});
