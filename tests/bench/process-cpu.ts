// The processor time a child process has used so far (Linux /proc/<pid>/stat: user + system, in clock ticks of
// 10 ms). A loaded machine stretches wall-clock figures; this much less, so benchmarks print it beside them.
import { readFileSync } from 'node:fs';

export function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
