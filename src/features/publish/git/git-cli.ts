import { execFile } from 'node:child_process';

/** A git command that failed; `stderr` is git's own explanation (credentials are never in argv). */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`git ${args[0] ?? ''} failed: ${stderr.trim().split('\n').slice(-3).join(' ') || 'no message'}`);
    this.name = 'GitError';
  }
}

export interface GitRunner {
  (args: readonly string[], options?: { cwd?: string; allowFailure?: boolean }): Promise<{ code: number; stdout: string }>;
}

/**
 * Runs the git CLI with `execFile` (no shell, arguments passed as a list). The environment is
 * the caller's plus whatever it adds (an HTTP authorization header given through GIT_CONFIG_*
 * variables, so a token never appears in a command line, a remote URL or .git/config).
 */
export function gitRunner(env: Readonly<Record<string, string | undefined>>): GitRunner {
  return (args, options = {}) =>
    new Promise((resolve, reject) => {
      execFile(
        'git',
        [...args],
        { cwd: options.cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' } as NodeJS.ProcessEnv, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          if (error && !options.allowFailure) reject(new GitError(args, String(stderr) || error.message));
          else resolve({ code, stdout: String(stdout) });
        },
      );
    });
}
