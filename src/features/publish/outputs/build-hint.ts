/**
 * The exact `brief build` that makes one output as `brief publish` wants it: the briefing folder,
 * the resolved period (never `latest`, which may have moved on), the parameters that were given,
 * the same `--out`, and `--force` when an older build of that output is in the way. Parameters are
 * given as `--param`: an output's folder is named by its parameters' values however they were
 * given (`--param`, `--matrix` or a default), and `--param` takes any value, commas included.
 */
export interface HintInput {
  dir: string;
  out: string;
  period: string | undefined;
  /** Non-period parameters as given on the command line (`--param`, `--matrix`). */
  params: Readonly<Record<string, string>>;
  /** True when the output exists but is older than the sources. */
  stale: boolean;
}

export function buildCommand(input: HintInput): string {
  const words = ['brief', 'build', shellWord(input.dir)];
  if (input.period) words.push('--period', shellWord(input.period));
  for (const [name, value] of Object.entries(input.params)) words.push('--param', shellWord(`${name}=${value}`));
  words.push('--out', shellWord(input.out));
  if (input.stale) words.push('--force');
  return words.join(' ');
}

/** A word a POSIX shell reads back unchanged. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./,:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
