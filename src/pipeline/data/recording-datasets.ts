import type { Dataset } from './dataset.js';

/**
 * The datasets as the prose helpers see them, remembering every name a helper looks up. Helpers
 * (built-in or a template's) reach data only through `call.datasets.get`, so this sees all of
 * them, including names computed at run time (`{{count params.table}}`). `brief check` uses the
 * names to tell which datasets the briefing never uses.
 */
export class RecordingDatasets extends Map<string, Dataset> {
  readonly looked = new Set<string>();

  override get(name: string): Dataset | undefined {
    this.looked.add(name);
    return super.get(name);
  }
}
