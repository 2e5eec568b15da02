/**
 * Runs a command as a child process and watches its memory through /proc (Linux), because a PDF
 * build is two kinds of process: the Node process itself and the Chromium it starts. We keep
 *   - the Node process's own peak RSS (VmHWM, the kernel's high-water mark, so no peak is missed
 *     between polls), and
 *   - the peak PSS of the whole process tree (Node + Chromium and its helpers). PSS divides shared
 *     pages between the processes that map them, so the sum is not inflated by Chromium's shared
 *     libraries the way an RSS sum would be. This one is polled, so it is a lower bound.
 * When GNU time is installed (/usr/bin/time; Debian package `time`) the command runs under it to
 * get the CPU seconds (user + system) of the whole tree, Chromium included: on a shared machine
 * wall time stretches with other people's load, CPU time much less, so it is the steadier cost.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setInterval, clearInterval } from 'node:timers';

const POLL_MS = 200;
const GNU_TIME = '/usr/bin/time';

/** Reads one `Key:   123 kB` line of a /proc file; undefined once the process is gone. */
function procKiB(path, key) {
  try {
    const line = readFileSync(path, 'utf8').split('\n').find((l) => l.startsWith(`${key}:`));
    return line ? Number(line.split(/\s+/)[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The pid and every descendant of it, from the parent pids in /proc/<pid>/stat. */
function processTree(root) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/**
 * Spawns `command args`, collects its output, and resolves with wall seconds, CPU seconds (undefined
 * without GNU time), exit code and the memory peaks described above (in MiB). stdin is closed so
 * tools that read it (md-to-pdf) do not wait.
 */
export function runMeasured(command, args, { cwd, env } = {}) {
  const timeDir = existsSync(GNU_TIME) ? mkdtempSync(join(tmpdir(), 'bench-time-')) : undefined;
  const timeFile = timeDir && join(timeDir, 'time.txt');
  const [file, argv] = timeFile ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let rootPeakKiB = 0;
    let treePeakKiB = 0;
    let maxProcesses = 0;
    const poll = () => {
      const tree = processTree(child.pid);
      // Under GNU time the command is time's first child.
      const main = timeFile ? tree[1] : child.pid;
      const hwm = main === undefined ? undefined : procKiB(`/proc/${main}/status`, 'VmHWM');
      if (hwm !== undefined) rootPeakKiB = Math.max(rootPeakKiB, hwm);
      maxProcesses = Math.max(maxProcesses, tree.length - (timeFile ? 1 : 0));
      const pss = tree.reduce((sum, pid) => sum + (procKiB(`/proc/${pid}/smaps_rollup`, 'Pss') ?? 0), 0);
      treePeakKiB = Math.max(treePeakKiB, pss);
    };
    const timer = setInterval(poll, POLL_MS);
    child.on('error', (error) => {
      clearInterval(timer);
      if (timeDir) rmSync(timeDir, { recursive: true, force: true });
      reject(error);
    });
    child.on('exit', () => clearInterval(timer));
    child.on('close', (code) => {
      const mib = (kib) => Math.round((kib / 1024) * 10) / 10;
      let cpuSeconds;
      if (timeFile) {
        // The last line: GNU time puts "Command exited with non-zero status" lines before it.
        const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        cpuSeconds = Math.round((user + system) * 100) / 100;
        rmSync(timeDir, { recursive: true, force: true });
      }
      resolve({
        seconds: (performance.now() - started) / 1000,
        cpuSeconds,
        code,
        stdout,
        stderr,
        nodePeakRssMiB: mib(rootPeakKiB),
        treePeakPssMiB: mib(treePeakKiB),
        maxProcesses,
      });
    });
  });
}
