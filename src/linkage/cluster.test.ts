import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterLinks, UnionFind } from './cluster.ts';

test('union-find joins transitively', () => {
  const uf = new UnionFind(5);
  uf.union(0, 1);
  uf.union(3, 4);
  uf.union(1, 4);
  assert.equal(uf.find(0), uf.find(3));
  assert.notEqual(uf.find(2), uf.find(0));
});

test('identity ids persist as clusters grow, merge and split, with a history of events', () => {
  const first = clusterLinks(
    ['a', 'b', 'c', 'd', 'e'],
    [
      ['a', 'b'],
      ['d', 'e'],
    ],
  );
  assert.deepEqual(
    [...first.identities.entries()],
    [
      ['P1', ['a', 'b']],
      ['P2', ['d', 'e']],
    ],
  );
  assert.deepEqual(
    first.events.map((e) => e.type),
    ['create', 'create'],
  );
  assert.equal(first.state.assignments.c, undefined, 'a record linked to nothing has no identity');

  // c joins a's identity: the id stays, the event says who was added.
  const grown = clusterLinks(
    ['a', 'b', 'c', 'd', 'e'],
    [
      ['a', 'b'],
      ['b', 'c'],
      ['d', 'e'],
    ],
    first.state,
  );
  assert.equal(grown.state.assignments.c, 'P1');
  assert.deepEqual(grown.events, [{ type: 'grow', identity: 'P1', added: ['c'] }]);

  // A link between the two identities merges them; the larger one (P1) keeps its id.
  const merged = clusterLinks(
    ['a', 'b', 'c', 'd', 'e'],
    [
      ['a', 'b'],
      ['b', 'c'],
      ['d', 'e'],
      ['c', 'd'],
    ],
    grown.state,
  );
  assert.deepEqual(new Set(Object.values(merged.state.assignments)), new Set(['P1']));
  assert.deepEqual(merged.events, [{ type: 'merge', identity: 'P1', absorbed: ['P2'] }]);

  // A reviewer rejects c-d and b-c: the identity splits; the larger part keeps P1, the rest gets P3.
  const split = clusterLinks(
    ['a', 'b', 'c', 'd', 'e'],
    [
      ['a', 'b'],
      ['d', 'e'],
    ],
    merged.state,
  );
  assert.equal(split.state.assignments.a, 'P1');
  assert.equal(split.state.assignments.d, 'P3');
  assert.equal(split.state.assignments.c, undefined);
  const splitEvent = split.events.find((e) => e.type === 'split');
  assert.deepEqual(splitEvent, { type: 'split', identity: 'P1', into: ['P3', 'record:c'] });
  assert.equal(split.state.nextSequence, 4, 'ids are never reused');
});

test('the same links in any order give the same identities', () => {
  const links: [string, string][] = [
    ['x', 'y'],
    ['y', 'z'],
    ['p', 'q'],
  ];
  const a = clusterLinks(['p', 'q', 'x', 'y', 'z'], links);
  const b = clusterLinks(['z', 'y', 'x', 'q', 'p'], [...links].reverse());
  assert.deepEqual(Object.entries(a.state.assignments).sort(), Object.entries(b.state.assignments).sort());
});
