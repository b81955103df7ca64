/** Assigns each distinct string a dense index, in first-seen order. */
export class Interner {
  private readonly index = new Map<string, number>();
  /** The strings, by index. */
  readonly values: string[] = [];

  /** The index of `s`, adding it when new. */
  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(s, i);
      this.values.push(s);
    }
    return i;
  }
}
