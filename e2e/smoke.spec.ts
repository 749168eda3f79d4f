import { test, expect } from './fixtures/test.ts';

test('serves the portal and the API from one origin', async ({ page, request }) => {
  await page.goto('/some/client/route');
  await expect(page).toHaveTitle('PAI Portal');
  const info = await request.get('/api/v1');
  expect(info.status()).toBe(200);
  expect(await info.json()).toMatchObject({ name: 'PAI RESTful API' });
});
