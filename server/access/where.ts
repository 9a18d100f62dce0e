/**
 * Collects the conditions of a dynamic WHERE clause and their parameters, numbering placeholders
 * ($1, $2, …) in the order values are added, so no store counts parameters by hand.
 */
export class Where {
  private readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a parameter and returns its placeholder (use it as often as the conditions need). */
  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  /** Adds a condition (built with `param` for its values). */
  and(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /** The conditions joined with AND; `true` when there are none. */
  get sql(): string {
    return this.conditions.length ? this.conditions.join(' AND ') : 'true';
  }
}
