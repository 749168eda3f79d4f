import { builtFile } from './fixtures/build-files.ts';
import { expect, test } from './fixtures/test.ts';

/** index.html as a static host serves it: no config written in, so the portal fetches config.json. */
const withoutInlineConfig = (html: string) =>
  html.replace(/<script type="application\/json" id="pai-config">[^<]*<\/script>/, '');

test('a broken config.json says what is wrong instead of a blank page', async ({ page }) => {
  await page.route('**/login', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: withoutInlineConfig(await response.text()) });
  });
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"restServerUri": 42}' }),
  );
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'PAI Portal cannot start' })).toBeVisible();
  await expect(page.getByText('"restServerUri" must be a string')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a broken config written into index.html says what is wrong too', async ({ page }) => {
  await page.route('**/login', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      /(<script type="application\/json" id="pai-config">)[^<]*/,
      '$1{"restServerUri": 42}',
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'PAI Portal cannot start' })).toBeVisible();
  await expect(page.getByText('"restServerUri" must be a string')).toBeVisible();
});

test.describe('a page that cannot load', () => {
  test.use({ signedInAs: 'liam' });

  test('shows an error with Reload, inside the portal, and the rest keeps working', async ({
    page,
  }) => {
    // Only the dashboard page's own chunk: the data code it shares with other pages still loads.
    await page.route(`**${builtFile('src/app/routes/dashboard.tsx')}`, (route) =>
      route.abort('failed'),
    );
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'This page could not be shown' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Jobs' })
      .click();
    await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();
  });

  test('a failing API shows the error where the data would be, with Retry', async ({ page }) => {
    let failures = 0;
    await page.route('**/api/v1/jobs?*', (route) => {
      if (failures++ < 3)
        return route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: '{"code":"UnknownError","message":"The database is locked."}',
        });
      return route.continue();
    });
    await page.goto('/jobs');
    await expect(page.getByText('Could not load jobs: The database is locked.')).toBeVisible();
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('grid', { name: 'Jobs' })).toBeVisible();
  });
});
