import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { JOBS_USAGE } from './usage.ts';
import { ImportError, importJobs } from '../jobs/import-jobs.ts';
import { openDatabase } from '../store/db.ts';
import { counted } from '../../contract/words.ts';

/** `jobs import FILE`: job history into the store; works whether or not the server runs. */
export async function jobsCommand(args: string[]): Promise<number> {
  const [action, file, ...rest] = args;
  if (action !== 'import' || !file || rest.length > 0) {
    console.error(`usage: pai ${JOBS_USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const db = openDatabase(loadConfig().dataDir);
  try {
    const { imported, skipped } = importJobs(db, text);
    console.log(`Imported ${counted(imported, 'job')} from ${file}; ${skipped} already present.`);
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    console.error(`Nothing imported from ${file}:\n${error.message}`);
    return 1;
  } finally {
    db.close();
  }
}
