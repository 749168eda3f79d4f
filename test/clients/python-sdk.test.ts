import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killProcessesWorkingUnder } from '../../testing/processes.ts';
import { startServeProcess, type ServeProcess } from '../../testing/serve-process.ts';
import { DEBIAN_PYTHON, openPaiClientsDir, pythonSdkMissing } from './openpai-clients.ts';

const run = promisify(execFile);
const missing = pythonSdkMissing();
const ADMIN_PASSWORD = 'sdk-admin-password';

/** The SDK was written for Python 3.6; on 3.11 it still imports `collections.Iterable`. */
const SITECUSTOMIZE = `import collections, collections.abc
for _name in ('Iterable', 'Mapping', 'MutableMapping', 'Sequence', 'Callable'):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))
`;

/**
 * Submits a v1 job through the SDK's Job class and optionally waits for it (\`opai job submit\`
 * cannot read a JSON file in v0.16: its loader wants a string).
 */
const DRIVER = `import json, sys
from openpaisdk.job import Job
alias, config_file, wait = sys.argv[1], sys.argv[2], sys.argv[3] == 'wait'
with open(config_file) as fp:
    config = json.load(fp)
job = Job(config['jobName'])
job.protocol = dict(config, protocolVersion='1')
print(json.dumps(job.submit(alias)))
if wait:
    status = job.wait(t_sleep=0.3, timeout=90, silent=True)
    print('final state: ' + status['jobStatus']['state'])
`;

describe.skipIf(missing !== undefined)(
  `OpenPAI v0.16's Python SDK and opai CLI against this server${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let dir: string;
    let server: ServeProcess;
    let env: NodeJS.ProcessEnv;

    const python = async (args: string[]) => {
      const { stdout, stderr } = await run(join(dir, 'venv/bin/python'), args, {
        cwd: dir,
        env,
        timeout: 120_000,
      });
      return stdout + stderr;
    };
    const opai = (...args: string[]) => python([join(dir, 'venv/bin/opai'), ...args]);
    const jobFile = (jobName: string, command: string) => {
      const file = join(dir, `${jobName}.json`);
      const taskRoles = [{ name: 'main', taskNumber: 1, cpuNumber: 1, memoryMB: 100, command }];
      writeFileSync(file, JSON.stringify({ jobName, image: 'ubuntu', taskRoles }));
      return file;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'pai-sdk-'));
      cpSync(join(openPaiClientsDir()!, 'python-sdk'), join(dir, 'python-sdk'), {
        recursive: true,
      });
      mkdirSync(join(dir, 'site'));
      mkdirSync(join(dir, 'home'));
      writeFileSync(join(dir, 'site/sitecustomize.py'), SITECUSTOMIZE);
      writeFileSync(join(dir, 'drive.py'), DRIVER);
      await run(DEBIAN_PYTHON, ['-m', 'venv', '--system-site-packages', join(dir, 'venv')]);
      const pip = join(dir, 'venv/bin/pip');
      const install = ['install', '-q', '--no-deps', '--no-build-isolation', './python-sdk'];
      await run(pip, install, { cwd: dir, timeout: 120_000 });
      server = await startServeProcess(join(dir, 'data'), {
        PAI_ADMIN_PASSWORD: ADMIN_PASSWORD,
        PAI_PUBLIC_READS: 'true',
        PAI_PORTAL_DIR: join(dir, 'no-portal'),
      });
      env = {
        PATH: process.env.PATH,
        HOME: join(dir, 'home'),
        PYTHONPATH: join(dir, 'site'),
        // `opai` opens the job's page in a browser after a submit: `true` is that browser here.
        BROWSER: 'true',
      };
    }, 240_000);

    afterAll(async () => {
      await server?.stop();
      killProcessesWorkingUnder(join(dir, 'data'));
      rmSync(dir, { recursive: true, force: true });
    });

    it('adds the cluster by its own address (no proxy) and reads its resources', async () => {
      const added = await opai(
        'cluster',
        'add',
        '--cluster-alias',
        'local',
        '--pai-uri',
        server.baseUrl,
        '--user',
        'admin',
        '--password',
        ADMIN_PASSWORD,
      );
      expect(added).toContain('cluster_alias = local added');
      const saved = readFileSync(join(dir, 'home/.openpai/clusters.yaml'), 'utf8');
      expect(saved).toContain('name: PAI RESTful API');
      expect(saved).toMatch(/virtual_clusters:\n\s*- default/);
      const resources = await opai('cluster', 'resources');
      expect(resources).toMatch(/local\s+default\s+0\s+\d+\s+\d+/);
    });

    it('submits a v1 job, waits for it, lists it and reads its status', async () => {
      const out = await python(['drive.py', 'local', jobFile('sdk-job', 'echo hello'), 'wait']);
      expect(out).toContain('"job_name": "sdk-job"');
      expect(out).toContain('final state: SUCCEEDED');
      expect(await opai('job', 'list', '--cluster-alias', 'local')).toContain(
        'sdk-job [SUCCEEDED]',
      );
      const status = await opai('job', 'status', '--cluster-alias', 'local', 'sdk-job');
      expect(status).toContain('state: SUCCEEDED');
      expect(status).toContain('username: admin');
    });

    it('gets no config or SSH info: the SDK sends no token for them, and they hold secrets', async () => {
      for (const query of ['config', 'ssh']) {
        const out = await opai('job', 'status', '--cluster-alias', 'local', 'sdk-job', query);
        expect(out).toContain("RestSrvError(401, {'code': 'UnauthorizedUserError'");
      }
    });

    it('stops a running job', async () => {
      await python(['drive.py', 'local', jobFile('sdk-long', 'sleep 120'), 'no-wait']);
      const stopped = await opai('job', 'stop', '--cluster-alias', 'local', 'sdk-long');
      expect(stopped).toContain('message: execute job sdk-long successfully');
      const waited = await python([
        '-c',
        'from openpaisdk.job import Job; from openpaisdk.cluster import get_cluster\n' +
          'j = Job("sdk-long"); j._client = get_cluster("local")\n' +
          'print("final state: " + j.wait(t_sleep=0.3, timeout=60, silent=True)["jobStatus"]["state"])',
      ]);
      expect(waited).toContain('final state: STOPPED');
    });
  },
);
