/**
 * Person identities: connected components of linked pairs (union–find), with identity ids that stay
 * put as clusters grow. When components merge, the identity holding most records keeps its id (ties:
 * the older id, i.e. the smaller sequence); when one splits, its largest part keeps the id and the rest
 * get new ones. Every change is recorded as an event, so a history of who-was-linked-to-whom survives.
 */

export interface ClusterState {
  /** record id → identity id */
  assignments: Record<string, string>;
  /** Next number for a new identity id. */
  nextSequence: number;
}

export type ClusterEvent =
  | { type: 'create'; identity: string; records: string[] }
  | { type: 'grow'; identity: string; added: string[] }
  | { type: 'merge'; identity: string; absorbed: string[] }
  | { type: 'split'; identity: string; into: string[] };

export interface ClusterResult {
  state: ClusterState;
  /** identity id → record ids, for identities of two or more records (and all previously known ones). */
  identities: Map<string, string[]>;
  events: ClusterEvent[];
}

export class UnionFind {
  private readonly parent: Int32Array;
  private readonly rank: Uint8Array;
  constructor(size: number) {
    this.parent = new Int32Array(size).map((_v, i) => i);
    this.rank = new Uint8Array(size);
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    while (this.parent[x] !== root) {
      const next = this.parent[x] ?? root;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if ((this.rank[ra] ?? 0) < (this.rank[rb] ?? 0)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    if (this.rank[ra] === this.rank[rb]) this.rank[ra] = (this.rank[ra] ?? 0) + 1;
  }
}

const sequenceOf = (id: string) => Number(/(\d+)$/.exec(id)?.[1] ?? Number.MAX_SAFE_INTEGER);

/**
 * Clusters `recordIds` given the current set of links (pairs of record ids) and the previous state.
 * Records of a previous identity that are no longer linked to anything become singletons (a split).
 * `prefix` names new identities (prefix + sequence).
 */
export function clusterLinks(
  recordIds: readonly string[],
  links: Iterable<readonly [string, string]>,
  previous: ClusterState = { assignments: {}, nextSequence: 1 },
  prefix = 'P',
): ClusterResult {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const add = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  for (const id of recordIds) add(id);
  for (const id of Object.keys(previous.assignments)) add(id);
  const linkList = [...links].map(([a, b]) => [add(a), add(b)] as const);
  const uf = new UnionFind(ids.length);
  for (const [a, b] of linkList) uf.union(a, b);

  const components = new Map<number, string[]>();
  ids.forEach((id, i) => {
    const root = uf.find(i);
    const list = components.get(root);
    if (list) list.push(id);
    else components.set(root, [id]);
  });

  let nextSequence = previous.nextSequence;
  const assignments: Record<string, string> = {};
  const identities = new Map<string, string[]>();
  const events: ClusterEvent[] = [];
  const claimed = new Set<string>();
  const absorbedIds = new Set<string>();
  const oldMembers = new Map<string, string[]>();
  for (const [rec, identity] of Object.entries(previous.assignments)) {
    const list = oldMembers.get(identity);
    if (list) list.push(rec);
    else oldMembers.set(identity, [rec]);
  }

  // Larger components choose first, so in a split the largest part keeps the old id.
  const ordered = [...components.values()].sort(
    (a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''),
  );
  for (const members of ordered) {
    const votes = new Map<string, number>();
    for (const rec of members) {
      const old = previous.assignments[rec];
      if (old !== undefined && !claimed.has(old)) votes.set(old, (votes.get(old) ?? 0) + 1);
    }
    const candidates = [...votes].sort((a, b) => b[1] - a[1] || sequenceOf(a[0]) - sequenceOf(b[0]));
    const keep = candidates[0]?.[0];
    if (members.length < 2 && keep === undefined) continue;
    const identity = keep ?? `${prefix}${nextSequence++}`;
    claimed.add(identity);
    for (const rec of members) assignments[rec] = identity;
    identities.set(identity, members);
    if (keep === undefined) {
      events.push({ type: 'create', identity, records: [...members] });
      continue;
    }
    const absorbed = candidates.slice(1).map(([id]) => id);
    if (absorbed.length > 0) events.push({ type: 'merge', identity, absorbed });
    for (const id of absorbed) absorbedIds.add(id);
    const before = new Set(
      absorbed.flatMap((id) => oldMembers.get(id) ?? []).concat(oldMembers.get(identity) ?? []),
    );
    const added = members.filter((rec) => !before.has(rec));
    if (added.length > 0) events.push({ type: 'grow', identity, added });
  }

  // An old identity whose records now sit in several identities (or none) was split.
  for (const [identity, members] of oldMembers) {
    if (absorbedIds.has(identity)) continue;
    const now = new Set(members.map((rec) => assignments[rec] ?? `record:${rec}`));
    if (now.size > 1 || !now.has(identity)) {
      events.push({ type: 'split', identity, into: [...now].filter((id) => id !== identity).sort() });
    }
  }
  return { state: { assignments, nextSequence }, identities, events };
}
