import type { UserRecord } from '../store/users.ts';

/** `users list`: one line per user under a header, columns padded to their widest cell. */
export function formatUserTable(users: UserRecord[], jobCounts: Map<string, number>): string {
  const rows = [
    ['NAME', 'ADMIN', 'VIRTUAL CLUSTERS', 'EMAIL', 'JOBS'],
    ...users.map((user) => [
      user.username,
      user.admin ? 'yes' : 'no',
      user.virtualClusters.join(',') || '-',
      user.email || '-',
      String(jobCounts.get(user.username) ?? 0),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
