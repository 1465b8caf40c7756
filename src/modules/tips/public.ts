/**
 * The public tip line: anyone, without an account, reports suspected trafficking; the tip goes to the
 * AHTU of the district named (or the State nodal office where the district has none). The sender's
 * address is used only to refuse floods: the in-memory rate limit, and a salted key of the day that the
 * database keeps instead of the address (see tip_source_check). No address or user-agent is stored, logged
 * by these routes, or shown to anyone.
 */
import crypto from 'node:crypto';
import type { Database, Tx } from '../../db/database.ts';
import { AppError } from '../../server/errors.ts';
import { appendAudit } from '../audit/service.ts';
import { notify } from '../notifications/service.ts';
import { searchPlaces } from '../reference/search.ts';
import { TIPS_PER_SOURCE_PER_DAY, type PublicTipInput, type PublicTipReceipt } from './schemas.ts';

/** A transaction as the app role with nobody signed in: Row-Level Security allows only what the public may do. */
export function asPublic<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.asSystem(async (tx) => {
    await tx.query('SET LOCAL ROLE setu_app');
    await tx.query(`SELECT set_config('app.user_id', '', true)`);
    return fn(tx);
  });
}

interface Route {
  state_lgd: number;
  district_name: string;
  unit_id: string | null;
  unit_kind: string | null;
}

/** The district's AHTU; else the State nodal office; else the Nodal Cell. */
async function routeFor(tx: Tx, district: number): Promise<Route> {
  const { rows } = await tx.query<Route>(
    `SELECT d.state_lgd, d.name AS district_name, u.id AS unit_id, u.kind::text AS unit_kind
     FROM districts d
     LEFT JOIN LATERAL (
       SELECT un.id, un.kind FROM units un
       WHERE (un.kind = 'ahtu' AND un.district_lgd = d.lgd_code)
          OR (un.kind = 'state_nodal_office' AND un.state_lgd = d.state_lgd)
          OR un.kind = 'nodal_cell'
       ORDER BY CASE un.kind WHEN 'ahtu' THEN 0 WHEN 'state_nodal_office' THEN 1 ELSE 2 END, un.created_at, un.id
       LIMIT 1) u ON true
     WHERE d.lgd_code = $1`,
    [district],
  );
  const route = rows[0];
  if (!route)
    throw new AppError(422, 'unknown_place', 'Choose the district from the list of places.', {
      field: 'districtLgd',
    });
  if (!route.unit_id)
    throw new AppError(
      503,
      'no_receiving_office',
      'No office can receive tips for this place yet. Call the police on 112 instead.',
    );
  return route;
}

export async function submitPublicTip(
  db: Database,
  input: PublicTipInput,
  clientAddress: string,
): Promise<PublicTipReceipt> {
  // A filled honeypot is a bot: it gets the same answer a person would, and nothing is stored.
  if (input.website && input.website.trim() !== '')
    return { received: true, reference: null, routedTo: null };
  const whatSeen = input.whatSeen.trim();
  if (whatSeen.length < 10)
    throw new AppError(400, 'bad_request', 'Describe what you saw in a few words (at least 10 characters).', {
      field: 'whatSeen',
    });
  const id = crypto.randomUUID();
  const created = await asPublic(db, async (tx) => {
    const route = await routeFor(tx, input.districtLgd);
    const source = await tx.query<{ source_key: string; sent_today: number }>(
      'SELECT source_key, sent_today FROM tip_source_check($1)',
      [clientAddress],
    );
    if ((source.rows[0]?.sent_today ?? 0) >= TIPS_PER_SOURCE_PER_DAY)
      throw new AppError(
        429,
        'rate_limited',
        'Many tips have come from this connection today. If someone is in danger now, call 112.',
      );
    const ref = await tx.query<{ reference: string }>('SELECT next_tip_reference() AS reference');
    const reference = ref.rows[0]?.reference ?? '';
    // No RETURNING: the public may add a tip but not read one back.
    await tx.query(
      `INSERT INTO tips (id, reference, state_lgd, district_lgd, routed_unit_id, what_seen, place_detail, seen_at,
         contact, language, source_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        reference,
        route.state_lgd,
        input.districtLgd,
        route.unit_id,
        whatSeen,
        input.placeDetail?.trim() || null,
        input.seenAt?.trim() || null,
        input.contact?.trim() || null,
        input.language ?? 'en',
        source.rows[0]?.source_key ?? null,
      ],
    );
    await tx.query(
      `INSERT INTO tip_events (tip_id, state_lgd, to_status, by_name) VALUES ($1, $2, 'new', 'Public tip line')`,
      [id, route.state_lgd],
    );
    // The audit entry records the tip and where it went; deliberately without the client address.
    await appendAudit(
      tx,
      { username: 'public tip line' },
      {
        action: 'tip.receive',
        objectType: 'tip',
        objectId: id,
        details: { reference, districtLgd: input.districtLgd, routedUnitId: route.unit_id },
      },
    );
    return { reference, route };
  });
  // The unit's inbox says a tip has come, not what it says: e-mail and webhooks carry the title only.
  await db.asSystem((tx) =>
    notify(
      tx,
      null,
      { unitId: created.route.unit_id ?? '' },
      {
        kind: 'tip.received',
        title: `New public tip ${created.reference} for ${created.route.district_name}`,
        link: `/coordination/tips/${id}`,
        objectType: 'tip',
        objectId: id,
      },
    ),
  );
  return {
    received: true,
    reference: created.reference,
    routedTo: created.route.unit_kind === 'ahtu' ? 'district_ahtu' : 'state_office',
  };
}

/** Districts (and districts of railway stations) by name, for the public page's place picker: names only. */
export async function searchPublicPlaces(db: Database, q: string) {
  return asPublic(db, async (tx) => {
    // Districts first, then districts of railway stations; sub-districts and States only add noise here.
    const places = [
      ...(await searchPlaces(tx, { q, kind: 'district', limit: 8 })),
      ...(await searchPlaces(tx, { q, kind: 'station', limit: 6 })),
    ];
    const seen = new Set<number>();
    const out: { districtLgd: number; district: string; state: string; label: string }[] = [];
    for (const p of places) {
      if (p.districtLgd === null || !p.districtName || !p.stateName || seen.has(p.districtLgd)) continue;
      seen.add(p.districtLgd);
      const label =
        p.kind === 'district'
          ? `${p.districtName}, ${p.stateName}`
          : `${p.name} — ${p.districtName}, ${p.stateName}`;
      out.push({ districtLgd: p.districtLgd, district: p.districtName, state: p.stateName, label });
    }
    return out.slice(0, 8);
  });
}
