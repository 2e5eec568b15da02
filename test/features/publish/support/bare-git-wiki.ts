import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A bare repository on disk (a file:// remote) standing in for a GitHub/GitLab/Gitea/Gollum wiki,
 * with the few reads the publishing tests make of its `master` branch.
 */
export function bareGitWiki(work: string, options: { seedHome?: boolean } = {}) {
  const bare = join(work, 'wiki.git');
  const git = (args: string[], cwd = work) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } }).trim();
  git(['init', '--quiet', '--bare', '--initial-branch=master', bare]);
  if (options.seedHome) {
    // A wiki starts with a Home page.
    const seed = join(work, 'seed');
    git(['init', '--quiet', '--initial-branch=master', seed]);
    writeFileSync(join(seed, 'Home.md'), 'Welcome to the wiki.\n');
    git(['add', 'Home.md'], seed);
    git(['-c', 'user.name=Seed', '-c', 'user.email=seed@example.org', 'commit', '--quiet', '-m', 'Home'], seed);
    git(['push', '--quiet', bare, 'HEAD:master'], seed);
  }
  return {
    bare,
    url: `file://${bare}`,
    git,
    commits: () => Number(git(['--git-dir', bare, 'rev-list', '--count', 'master'])),
    show: (path: string) => git(['--git-dir', bare, 'show', `master:${path}`]),
    lastCommitOf: (path: string) => git(['--git-dir', bare, 'log', '-1', '--format=%H', 'master', '--', path]),
    files: () => git(['--git-dir', bare, 'ls-tree', '-r', '--name-only', 'master']).split('\n'),
  };
}
