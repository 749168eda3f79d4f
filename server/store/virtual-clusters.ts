import type { Db } from './db.ts';

/** A virtual cluster made with `PUT /api/v1/virtual-clusters/:vc`. */
export interface StoredVirtualCluster {
  name: string;
  /** Percent of the configured `default` VC it takes. */
  capacity: number;
  maxCapacity: number;
  description: string;
  externalName: string;
}

interface Row {
  name: string;
  capacity: number;
  max_capacity: number;
  description: string;
  external_name: string;
}

/** Virtual clusters changed through the API, and which VCs are stopped (migration 5). */
export class VirtualClusterStore {
  constructor(private readonly db: Db) {}

  list(): StoredVirtualCluster[] {
    const rows = this.db
      .prepare('SELECT * FROM virtual_clusters ORDER BY created_time, name')
      .all() as Row[];
    return rows.map((row) => ({
      name: row.name,
      capacity: row.capacity,
      maxCapacity: row.max_capacity,
      description: row.description,
      externalName: row.external_name,
    }));
  }

  /** Creates the VC or updates its capacity (description and external name only when given). */
  put(vc: StoredVirtualCluster): void {
    this.db
      .prepare(
        `INSERT INTO virtual_clusters (name, capacity, max_capacity, description, external_name, created_time)
         VALUES (@name, @capacity, @maxCapacity, @description, @externalName, @now)
         ON CONFLICT(name) DO UPDATE SET capacity = @capacity, max_capacity = @maxCapacity`,
      )
      .run({ ...vc, now: Date.now() });
  }

  /** Removes the VC, its stopped mark, and every user's grant of it, in one transaction. */
  remove(name: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM virtual_clusters WHERE name = ?').run(name);
      this.db.prepare('DELETE FROM stopped_virtual_clusters WHERE name = ?').run(name);
      this.db
        .prepare(
          `UPDATE users SET virtual_clusters = (
             SELECT json_group_array(value) FROM json_each(users.virtual_clusters) WHERE value != @name)
           WHERE EXISTS (SELECT 1 FROM json_each(users.virtual_clusters) WHERE value = @name)`,
        )
        .run({ name });
    })();
  }

  stopped(): Set<string> {
    const names = this.db.prepare('SELECT name FROM stopped_virtual_clusters').pluck().all();
    return new Set(names as string[]);
  }

  setStopped(name: string, stopped: boolean): void {
    const sql = stopped
      ? 'INSERT OR IGNORE INTO stopped_virtual_clusters (name) VALUES (?)'
      : 'DELETE FROM stopped_virtual_clusters WHERE name = ?';
    this.db.prepare(sql).run(name);
  }

  /** Jobs in the VC that have not ended (waiting, running or stopping); imported ones never run. */
  unfinishedJobs(name: string): number {
    return this.db
      .prepare(
        `SELECT count(*) FROM jobs WHERE virtual_cluster = ?
         AND imported = 0 AND state NOT IN ('SUCCEEDED', 'FAILED', 'STOPPED')`,
      )
      .pluck()
      .get(name) as number;
  }
}
