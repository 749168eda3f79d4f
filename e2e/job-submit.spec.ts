import { expect } from './fixtures/test.ts';
import { JobDetailPage } from './pages/job-detail-page.ts';
import { test, uniqueName } from './pages/job-seeding.ts';
import { SubmitPage } from './pages/submit-page.ts';

const USER = 'sam';
test.use({ signedInAs: USER });

/** A config as a person writes it: its own key order and indentation. */
const configText = (jobName: string, command = 'echo submitted-from-the-editor', memoryMB = 256) =>
  `{
    "jobName": "${jobName}",
    "image": "ubuntu:22.04",
    "taskRoles": [
        {
            "name": "main",
            "command": "${command}",
            "memoryMB": ${memoryMB},
            "taskNumber": 1,
            "cpuNumber": 1
        }
    ],
    "virtualCluster": "default"
}
`;

test('a config typed in the editor shows a schema error in place, is fixed, submitted, and runs to SUCCEEDED', async ({
  page,
}) => {
  const submit = new SubmitPage(page);
  const detail = new JobDetailPage(page);
  const jobName = uniqueName('typed');
  await submit.goto();
  await submit.importText(configText(jobName));
  await expect(submit.editorLine(`"jobName": "${jobName}"`)).toBeVisible();
  await expect(page.getByText('No problems found in the config.')).toBeVisible();

  await submit.retypeLineEnd('"memoryMB": 256', 4, '50,');
  await expect(submit.editorLine('"memoryMB": 50')).toBeVisible();
  // Marked in place (a squiggle in the editor) and listed with its line.
  await expect(submit.editor.locator('.squiggly-error')).toHaveCount(1);
  await expect(submit.problems).toContainText(
    /Line 8, column \d+: Value is below the minimum of 100/,
  );
  await expect(submit.form.getByRole('textbox', { name: 'Memory (MB)', exact: true })).toHaveValue(
    '50',
  );

  await submit.retypeLineEnd('"memoryMB": 50', 3, '512,');
  await expect(page.getByText('No problems found in the config.')).toBeVisible();
  await expect(submit.editor.locator('.squiggly-error')).toHaveCount(0);
  const submitted = await submit.exportedText();
  expect(submitted).toBe(configText(jobName, undefined, 512));

  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(`/jobs/${USER}/${jobName}`);
  await expect(detail.heading).toHaveText(jobName);
  await expect(detail.stateBadge).toHaveAttribute('data-state', 'Succeeded', { timeout: 60_000 });
  await expect(page.getByRole('switch', { name: 'Auto-refresh' })).toBeDisabled();
  await expect(page.getByText('Off: the job has ended')).toBeVisible();

  await detail.tab('Config');
  const downloaded = await detail.download(detail.button('Download'));
  expect(downloaded.text).toBe(submitted);
  await expect(
    page.getByTestId('monaco-editor').locator('.view-line').filter({ hasText: '"memoryMB": 512' }),
  ).toBeVisible();
});

test('a form edit changes only its value: unknown keys, key order and formatting survive', async ({
  page,
}) => {
  const submit = new SubmitPage(page);
  const original = `{
  "taskRoles": [
    {
      "command": "sleep 1",
      "name": "main",
      "memoryMB": 300
    }
  ],
  "extras": {"team": "vision", "budget": 12},
  "image":   "old:1",
  "jobName": "form-edit-job",
  "x-note": "a key the form does not know"
}
`;
  await submit.goto();
  await submit.importText(original);
  await expect(submit.formField(/^Image/)).toHaveValue('old:1');

  await submit.formField(/^Image/).fill('new:2');
  const memory = submit.form.getByRole('textbox', { name: 'Memory (MB)', exact: true });
  await memory.fill('');
  await expect(memory).toHaveAttribute('aria-invalid', 'true'); // cleared: the JSON keeps 300 meanwhile
  await memory.fill('640');
  await submit.form.getByRole('button', { name: 'Add environment variable' }).click();

  const edited = await submit.exportedText();
  expect(edited).toBe(
    original
      .replace('"old:1"', '"new:2"')
      .replace('"memoryMB": 300', '"memoryMB": 640')
      .replace(
        '"x-note": "a key the form does not know"\n',
        '"x-note": "a key the form does not know",\n  "jobEnvs": {\n    "NAME": ""\n  }\n',
      ),
  );

  // Invalid JSON never loses what was typed: the form says so and keeps the last good values.
  await submit.retypeLineEnd('"jobName": "form-edit-job",', 1, '');
  await expect(submit.form.getByText(/The JSON has an error on line/)).toBeVisible();
  await expect(submit.formField(/^Image/)).toBeDisabled();
  await expect(submit.formField(/^Image/)).toHaveValue('new:2');
});

test('a duplicate name answers 409 and offers a free name', async ({ page, seeding }) => {
  const jobName = uniqueName('dup');
  await seeding.submitText(USER, configText(jobName, 'true'));
  const submit = new SubmitPage(page);
  await submit.goto();
  await submit.importText(configText(jobName));
  await submit.submitButton.click();
  await expect(page.getByText(/You already have a job named/)).toContainText(jobName);
  await page.getByRole('button', { name: `Use ${jobName}-2` }).click();
  await expect(submit.formField(/^Job name/)).toHaveValue(`${jobName}-2`);
  await submit.submitButton.click();
  await expect(page).toHaveURL(`/jobs/${USER}/${jobName}-2`);
});

test('an unknown virtual cluster points at the field', async ({ page }) => {
  const submit = new SubmitPage(page);
  await submit.goto();
  await submit.importText(
    configText('vc-job').replace('"virtualCluster": "default"', '"virtualCluster": "nowhere"'),
  );
  await submit.submitButton.click();
  await expect(page.getByText('Virtual cluster nowhere is not found.').first()).toBeVisible();
  const field = submit.form.getByRole('combobox', { name: /Virtual cluster/ });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Choose a virtual cluster' }).click();
  await expect(field).toBeFocused();
  await expect(page).toHaveURL(/\/submit$/);
});

test('a draft survives a reload, and leaving with unsaved changes asks first', async ({ page }) => {
  const submit = new SubmitPage(page);
  await submit.goto();
  await submit.formField(/^Job name/).fill('draft-job');
  await expect(submit.editorLine('"jobName": "draft-job"')).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Your unsubmitted draft from/)).toBeVisible();
  await expect(submit.formField(/^Job name/)).toHaveValue('draft-job');

  await submit.formField(/^Job name/).fill('draft-job-2');
  await page.getByRole('link', { name: 'Jobs', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Leave without submitting?' });
  await expect(dialog.getByText(/Your draft stays in this browser/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(/\/submit$/);
  await page.getByRole('link', { name: 'Jobs', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Leave' }).click();
  await expect(page).toHaveURL(/\/jobs$/);
});

test('clone keeps every field: only the name changes, to a free one', async ({ page, seeding }) => {
  const jobName = uniqueName('clone-src');
  const original = `{
  "image": "pytorch/pytorch:2.1",
  "jobName": "${jobName}",
  "retryCount": 1,
  "codeDir": "$PAI_DEFAULT_FS_URI/code",
  "taskRoles": [
    {"name": "ps", "taskNumber": 1, "cpuNumber": 1, "memoryMB": 128, "shmMB": 64,
     "portList": [{"label": "grpc", "beginAt": 0, "portNumber": 2}],
     "command": "echo ps; sleep 1"},
    {"name": "worker", "taskNumber": 1, "cpuNumber": 1, "memoryMB": 128, "minSucceededTaskCount": 1,
     "command": "echo worker $PAI_CURRENT_TASK_ROLE_CURRENT_TASK_INDEX"}
  ],
  "jobEnvs": {"EPOCHS": 3, "LR": "0.1", "DEBUG": false},
  "extras": {"tensorBoard": {"randomStr": "x1"}, "submitFrom": "e2e"}
}
`;
  await seeding.submitText(USER, original);
  await seeding.submitText(
    USER,
    original.replace(`"jobName": "${jobName}"`, `"jobName": "${jobName}-2"`),
  ); // the first suffix is taken
  const detail = new JobDetailPage(page);
  await detail.goto(USER, jobName);
  await page.getByRole('link', { name: 'Clone' }).click();
  await expect(page).toHaveURL(`/submit?clone=${encodeURIComponent(`${USER}~${jobName}`)}`);
  const submit = new SubmitPage(page);
  await expect(submit.formField(/^Job name/)).toHaveValue(`${jobName}-3`);
  const cloned = original.replace(`"jobName": "${jobName}"`, `"jobName": "${jobName}-3"`);
  expect(await submit.exportedText()).toBe(cloned);

  await submit.submitButton.click();
  await expect(page).toHaveURL(`/jobs/${USER}/${jobName}-3`);
  seeding.track(USER, `${jobName}-3`);
  await detail.tab('Config');
  expect((await detail.download(detail.button('Download'))).text).toBe(cloned);
});

test('templates to start from, and a file dropped on the editor replaces the config after asking', async ({
  page,
}) => {
  const submit = new SubmitPage(page);
  await submit.goto();
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /Distributed/ }).click();
  await expect(submit.form.getByRole('region', { name: 'Task role server' })).toBeVisible();
  await expect(submit.form.getByRole('region', { name: 'Task role worker' })).toBeVisible();
  await expect(submit.formField(/^Job name/)).toHaveValue(/^distributed-[0-9a-f]{4}$/);

  const dropped = configText('dropped-job');
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, dropped);
  await page.getByTestId('monaco-editor').dispatchEvent('dragover', { dataTransfer });
  await page.getByTestId('monaco-editor').dispatchEvent('drop', { dataTransfer });
  const dialog = page.getByRole('alertdialog', { name: 'Replace the config?' });
  await expect(dialog.getByText(/replaced with dropped.json/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(submit.formField(/^Job name/)).toHaveValue('dropped-job');
  expect(await submit.exportedText()).toBe(dropped);
});
