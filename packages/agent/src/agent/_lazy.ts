/** A value created on first `get()`, once; a failed creation is retried by the next `get()`. */
export class Lazy<T> {
  private promise: Promise<T> | undefined;
  private ready = false;

  constructor(private readonly create: () => Promise<T> | T) {}

  /** Whether the value exists now. */
  get initialized(): boolean {
    return this.ready;
  }

  /** Whether creation has started (it may still be running). */
  get started(): boolean {
    return this.promise !== undefined;
  }

  get(): Promise<T> {
    if (!this.promise) {
      const promise = (async () => this.create())().then((value) => {
        this.ready = true;
        return value;
      });
      promise.catch(() => {
        if (this.promise === promise) this.promise = undefined;
      });
      this.promise = promise;
    }
    return this.promise;
  }

  /** The value once any creation under way has settled, or undefined if there is none or it failed. */
  async settled(): Promise<T | undefined> {
    return this.promise?.catch(() => undefined);
  }
}
