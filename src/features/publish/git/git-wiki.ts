import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GitTarget } from '../config/target-schema.js';
import { sha256Hex } from '../assets/hash.js';
import type { RemoteFile, RemotePage } from '../plan/compute-plan.js';
import type { GitRunner } from './git-cli.js';

/**
 * A clone of a git-backed wiki (GitHub, GitLab, Gitea, Gollum) kept in a cache folder. The
 * remote is the truth: every run fetches it and resets the clone to it, which also drops a
 * commit left by an earlier run whose push failed (that run's changes are simply made again).
 */
export class GitWiki {
  constructor(
    private readonly git: GitRunner,
    private readonly dir: string,
    private readonly target: GitTarget,
  ) {}

  /** `git clone` into the cache the first time (or when the cache is for another remote). */
  async clone(): Promise<void> {
    if (existsSync(join(this.dir, '.git'))) {
      const origin = await this.git(['remote', 'get-url', 'origin'], { cwd: this.dir, allowFailure: true });
      if (origin.code === 0 && origin.stdout.trim() === this.target.url) return;
      rmSync(this.dir, { recursive: true, force: true });
    }
    mkdirSync(dirname(this.dir), { recursive: true });
    await this.git(['clone', '--quiet', '--no-tags', this.target.url, this.dir]);
  }

  /** Fetches and resets to the remote branch; returns the branch published to. */
  async pull(): Promise<string> {
    const cwd = this.dir;
    await this.git(['fetch', '--quiet', '--prune', 'origin'], { cwd });
    const branch = this.target.branch ?? (await this.git(['symbolic-ref', '--short', 'HEAD'], { cwd })).stdout.trim();
    const remote = await this.git(['rev-parse', '--verify', '--quiet', `refs/remotes/origin/${branch}`], { cwd, allowFailure: true });
    if (remote.code === 0) {
      await this.git(['checkout', '--quiet', '-B', branch, `refs/remotes/origin/${branch}`], { cwd });
      await this.git(['reset', '--quiet', '--hard', `refs/remotes/origin/${branch}`], { cwd });
    } else {
      // A wiki with no commits yet: start the branch from nothing.
      await this.git(['symbolic-ref', 'HEAD', `refs/heads/${branch}`], { cwd });
    }
    await this.git(['clean', '--quiet', '-fdx'], { cwd });
    return branch;
  }

  /** The page as the wiki holds it: its text's hash, the last commit that touched it, and whether `authorEmail` made that commit. */
  async readPage(path: string, authorEmail: string): Promise<RemotePage | undefined> {
    const file = join(this.dir, path);
    if (!existsSync(file)) return undefined;
    const log = await this.git(['log', '-1', '--format=%H %ae', '--', path], { cwd: this.dir, allowFailure: true });
    const [revision = '', email = ''] = log.stdout.trim().split(' ');
    return { id: path, revision, sha256: sha256Hex(readFileSync(file)), byUs: email === authorEmail };
  }

  readFile(path: string): RemoteFile | undefined {
    const file = join(this.dir, path);
    return existsSync(file) ? { sha256: sha256Hex(readFileSync(file)) } : undefined;
  }

  write(path: string, content: string | Uint8Array): void {
    const file = join(this.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }

  remove(path: string): void {
    rmSync(join(this.dir, path), { force: true });
  }

  /** Commits the given paths if anything changed; returns the new commit, or undefined. */
  async commit(paths: readonly string[], message: string, author: { name: string; email: string }): Promise<string | undefined> {
    const cwd = this.dir;
    await this.git(['add', '--all', '--', ...paths], { cwd });
    const staged = await this.git(['diff', '--cached', '--quiet'], { cwd, allowFailure: true });
    if (staged.code === 0) return undefined;
    const identity = ['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`, '-c', 'commit.gpgsign=false'];
    await this.git([...identity, 'commit', '--quiet', '--no-verify', `--author=${author.name} <${author.email}>`, '-m', message], { cwd });
    return (await this.git(['rev-parse', 'HEAD'], { cwd })).stdout.trim();
  }

  async push(branch: string): Promise<void> {
    await this.git(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], { cwd: this.dir });
  }

  /** The remote branch's commit as the remote has it now (after a push whose answer may have been lost). */
  async remoteHead(branch: string): Promise<string | undefined> {
    await this.git(['fetch', '--quiet', 'origin'], { cwd: this.dir });
    const head = await this.git(['rev-parse', '--verify', '--quiet', `refs/remotes/origin/${branch}`], { cwd: this.dir, allowFailure: true });
    return head.code === 0 ? head.stdout.trim() : undefined;
  }
}
