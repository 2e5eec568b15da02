import { isDeepStrictEqual } from 'node:util';
import { withFile, withoutFile, withPage, withPending, writeRecord, type FileRecord, type PageRecord, type PublishRecord } from './publish-record.js';

/**
 * Holds the publish record during an apply and writes it after every step that changed the
 * wiki, so a publish that stops half-way leaves a record that is true for what was done, and
 * the next run finishes the job instead of repeating it.
 */
export class RecordKeeper {
  #record: PublishRecord;

  constructor(
    private readonly path: string,
    record: PublishRecord,
  ) {
    this.#record = record;
  }

  get record(): PublishRecord {
    return this.#record;
  }

  page(title: string, page: PageRecord): void {
    if (isDeepStrictEqual(this.#record.pages[title], page) && this.#record.pending?.[title] === undefined) return;
    this.#save(withPage(this.#record, title, page));
  }

  /** Noted before a page's text is sent (see `PublishRecord.pending`). */
  pending(title: string, sha256: string): void {
    if (this.#record.pending?.[title] === sha256) return;
    this.#save(withPending(this.#record, title, sha256));
  }

  file(name: string, file: FileRecord): void {
    if (isDeepStrictEqual(this.#record.files[name], file)) return;
    this.#save(withFile(this.#record, name, file));
  }

  forgetFile(name: string): void {
    if (!(name in this.#record.files)) return;
    this.#save(withoutFile(this.#record, name));
  }

  #save(next: PublishRecord): void {
    writeRecord(this.path, next);
    this.#record = next;
  }
}
