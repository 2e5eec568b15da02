/**
 * Runs rebuilds one at a time, after changes have been quiet for `delayMs` (an editor's save is
 * often several file events). A change during a rebuild queues exactly one more, so the last
 * edit is always built and two builds never overlap.
 */
export class RebuildQueue {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;

  constructor(
    private readonly rebuild: () => Promise<void>,
    private readonly delayMs = 40,
  ) {}

  schedule(): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#start(), this.delayMs);
  }

  /** Rebuilds without waiting for quiet (the first build at start). */
  now(): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#start();
  }

  /** Resolves once no rebuild is running or queued. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Stops scheduling and waits for a running rebuild to end. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.idle();
  }

  #start(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#run();
  }

  async #run(): Promise<void> {
    try {
      await this.rebuild();
    } catch {
      // The rebuild reports its own failures; the queue must survive them.
    } finally {
      this.#running = undefined;
      if (this.#again && !this.#closed) {
        this.#again = false;
        this.#start();
      }
    }
  }
}
