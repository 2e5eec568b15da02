/**
 * The request itself cannot be carried out as asked: a slug that is taken, a template or publish
 * target that does not exist, a parameter value that does not fit. Features throw it (or a
 * subclass) and the CLI shows it as a usage error (exit code 2); it is not a content problem
 * (those are Messages) and not a failure of the machine (those keep their `cause`).
 */
export class InputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
