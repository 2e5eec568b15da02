import { causeChain } from '../messages/cause-chain.js';

/** `--verbose`, which every command takes: a failure is followed by its numbered cause chain. */
export const VERBOSE_OPTION = { verbose: { type: 'boolean', default: false } } as const;

/** Prints the cause chain of `error`, indented under the line that reported it, when `verbose` is on. */
export function printCauses(error: unknown, verbose: boolean, print: (line: string) => void): void {
  if (!verbose) return;
  for (const line of causeChain(error)) print(line === '' ? '' : `    ${line}`);
}
