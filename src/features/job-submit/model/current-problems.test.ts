import { describe, expect, it } from 'vitest';
import { capacityProblems, jobDemand } from '../../../../contract/job-capacity.ts';
import { checkJobConfigRules } from '../../../../contract/job-config-rules.ts';
import { currentProblems } from './current-problems.ts';
import { rememberNodes } from './problem-markers.ts';
import { JOB_TEMPLATES } from './templates.ts';

const config = (taskNumber: number, memoryMB = 100) =>
  `{\n  "jobName": "a",\n  "taskRoles": [\n    { "name": "m", "command": "x", "taskNumber": ${taskNumber}, "memoryMB": ${memoryMB} }\n  ]\n}\n`;
const tooBig = {
  path: ['taskRoles'],
  message:
    'The job needs 3 vCores (all tasks together) but virtual cluster default has 2 vCores in total.',
};

describe('currentProblems', () => {
  it('lists a problem the page and the server both found once, the server wording over the editor at the same place', () => {
    const text = config(3, 50);
    const memoryAt = text.indexOf('50');
    const server = {
      text,
      problems: rememberNodes(text, [
        tooBig,
        { path: ['taskRoles', 0, 'memoryMB'], message: 'taskRoles[0].memoryMB must be >= 100' },
      ]),
    };
    const editor = [
      {
        message: 'Value is below the minimum of 100.',
        severity: 'error' as const,
        line: 4,
        column: text.slice(0, memoryAt).length - text.lastIndexOf('\n', memoryAt),
        offset: memoryAt,
        ownCheck: true,
      },
    ];
    const listed = currentProblems({ text, editor, page: [tooBig], server });
    expect(listed.map((problem) => [problem.message, problem.outOfDate])).toEqual([
      [tooBig.message, false],
      ['taskRoles[0].memoryMB must be >= 100', false],
    ]);
  });

  it("drops the server's problem once its place is edited, and marks the others out of date", () => {
    const submitted = config(3, 50);
    const server = {
      text: submitted,
      problems: rememberNodes(submitted, [
        tooBig,
        { path: ['taskRoles', 0, 'memoryMB'], message: 'taskRoles[0].memoryMB must be >= 100' },
      ]),
    };
    const editedMemory = config(3, 200).replace('"jobName": "a"', '"jobName": "b"');
    const notMemory = { message: 'jobName is taken', path: ['jobName'] };
    const answered = { ...server, problems: rememberNodes(submitted, [notMemory]) };
    expect(
      currentProblems({
        text: config(3, 50).replace('"x"', '"y"'),
        editor: [],
        page: [],
        server: answered,
      }),
    ).toMatchObject([{ message: 'jobName is taken', outOfDate: true }]);
    // Edited at their places (taskRoles, jobName): gone.
    expect(currentProblems({ text: editedMemory, editor: [], page: [], server })).toEqual([]);
    expect(currentProblems({ text: editedMemory, editor: [], page: [], server: answered })).toEqual(
      [],
    );
    // The page's own check finds the capacity problem again: listed once, as current.
    const listed = currentProblems({ text: config(3, 200), editor: [], page: [tooBig], server });
    expect(listed).toMatchObject([{ message: tooBig.message, outOfDate: false }]);
  });
});

describe('capacity and templates', () => {
  const twoCores = { cpus: 2, memoryMB: 4096, gpus: 0 };

  it('names each resource a config needs beyond the whole virtual cluster, with the server message', () => {
    expect(capacityProblems(JSON.parse(config(3)), 'default', twoCores)).toEqual([
      { path: 'taskRoles', message: tooBig.message },
    ]);
    expect(capacityProblems(JSON.parse(config(2)), 'default', twoCores)).toEqual([]);
  });

  it('sizes every template that can run to the virtual cluster, and says why one cannot', () => {
    const target = { virtualCluster: 'small', total: twoCores };
    for (const template of JOB_TEMPLATES) {
      const unfit = template.unfit(target);
      if (template.id === 'gpu') {
        expect(unfit).toBe('Needs a GPU; virtual cluster small has none.');
        continue;
      }
      expect(unfit).toBeNull();
      const text = JSON.parse(template.text('t', target)) as { virtualCluster: string };
      expect(text.virtualCluster).toBe('small');
      expect(capacityProblems(text, 'small', twoCores)).toEqual([]);
      expect(checkJobConfigRules(text)).toEqual([]);
    }
    const distributed = JSON.parse(
      JOB_TEMPLATES.find((template) => template.id === 'distributed')!.text('d', target),
    ) as unknown;
    expect(jobDemand(distributed)).toEqual({ cpus: 2, memoryMB: 1024, gpus: 0 });
    const big = { virtualCluster: 'big', total: { cpus: 8, memoryMB: 32768, gpus: 1 } };
    const gpu = JOB_TEMPLATES.find((template) => template.id === 'gpu')!;
    expect(gpu.unfit(big)).toBeNull();
    expect(capacityProblems(JSON.parse(gpu.text('g', big)), 'big', big.total)).toEqual([]);
  });
});
