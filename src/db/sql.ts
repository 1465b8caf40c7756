/**
 * Builds a WHERE clause and its parameters together, so numbered placeholders can never drift from
 * their values. `add` takes a function of the placeholder (`$3`) because a value may be used twice.
 */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  add(clause: (placeholder: string) => string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(clause(`$${this.params.length}`));
    return this;
  }

  /** A condition without a parameter. */
  raw(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  get where(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }

  /** Appends LIMIT/OFFSET placeholders; returns the SQL fragment and the parameters including them. */
  page(limit: number, offset: number): { sql: string; params: unknown[] } {
    const params = [...this.params, limit, offset];
    return { sql: `LIMIT $${params.length - 1} OFFSET $${params.length}`, params };
  }
}

/** Escapes LIKE wildcards in user input, for `column LIKE $1` with a pattern built around it. */
export function likePattern(text: string, where: 'contains' | 'prefix' = 'contains'): string {
  const escaped = text.replace(/[%_\\]/g, (match) => `\\${match}`);
  return where === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}
