import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase, type Db } from './store/db.ts';

describe('app shell', () => {
  let dataDir: string;
  let db: Db;
  let app: FastifyInstance;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pai-app-'));
    const config = loadConfig({ PAI_DATA_DIR: dataDir, PAI_PORTAL_DIR: join(dataDir, 'no-portal') });
    db = openDatabase(config.dataDir);
    app = await buildApp({ config, db });
  });
  afterAll(async () => {
    await app.close();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers cluster info', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'PAI RESTful API', authnMethod: 'basic' });
  });

  it('answers unknown API paths with NoApiError', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'NoApiError', message: 'API /api/v1/nothing-here is not found.' });
  });
});
