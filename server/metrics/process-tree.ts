import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ), 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;

interface ProcStat {
  pid: number;
  ppid: number;
  /** CPU time of the process and its reaped children, in seconds. */
  cpuSeconds: number;
  rssBytes: number;
}

function readStat(pid: string): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') return null;
    return {
      pid: Number(pid),
      ppid: Number(fields[1]),
      // utime, stime, and cutime, cstime of children it has reaped (no longer in the table).
      cpuSeconds:
        (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) /
        TICKS_PER_SECOND,
      rssBytes: Number(fields[21]) * PAGE_BYTES,
    };
  } catch {
    return null; // Gone meanwhile, or not ours to read.
  }
}

/** Every live process on this machine, read once per sampling round. */
export function readProcessTable(): Map<number, ProcStat> {
  const table = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat) table.set(stat.pid, stat);
  }
  return table;
}

/** CPU seconds used so far, resident memory now, and the pids of `rootPid` and its descendants. */
export function treeUsage(
  table: Map<number, ProcStat>,
  rootPid: number,
): { cpuSeconds: number; rssBytes: number; pids: number[] } | null {
  if (!table.has(rootPid)) return null;
  const children = new Map<number, number[]>();
  for (const stat of table.values()) {
    const siblings = children.get(stat.ppid);
    if (siblings) siblings.push(stat.pid);
    else children.set(stat.ppid, [stat.pid]);
  }
  const pids: number[] = [];
  const pending = [rootPid];
  let cpuSeconds = 0;
  let rssBytes = 0;
  while (pending.length > 0) {
    const pid = pending.pop()!;
    const stat = table.get(pid);
    if (!stat) continue;
    pids.push(pid);
    cpuSeconds += stat.cpuSeconds;
    rssBytes += stat.rssBytes;
    pending.push(...(children.get(pid) ?? []));
  }
  return { cpuSeconds, rssBytes, pids };
}
