/** Demo alerts (a Raxaul lookout, two raised by Setu) and Bihar's coordination meetings; see channel.ts. */
import type { Tx } from '../../db/database.ts';
import { raiseSystemAlert } from '../alerts/service.ts';
import { notify } from '../notifications/service.ts';
import { at, type Ids } from './channel-build.ts';

export async function seedDemoAlerts(tx: Tx, ids: Ids, pseudonym: string | undefined): Promise<void> {
  const raiser = ids.user('br.champaran.ahtu');
  const recipients = ['ssb-raxaul', 'ssb-jogbani', 'rpf-patna'].map((key) => ids.unit(key));
  const { rows } = await tx.query<{ id: string; reference: string }>(
    `INSERT INTO alerts (reference, kind, source, severity, title, body, state_lgd, district_lgd, state_lgds, raised_by,
       raised_by_name, raised_by_unit_id, target, valid_until, is_demo)
     VALUES ('AL-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('alert_number_seq')::text, 6, '0'), 'lookout', 'user',
       'critical', 'Group of minors expected at Raxaul crossing tonight',
       'Informer reports 6–8 girls aged 13–16 brought from Nepal by two men, to board a train at Raxaul Jn or Sagauli for Delhi. Check buses and the night trains.',
       10, 213, '{10}', $1, $2, $3, $4, $5, true) RETURNING id, reference`,
    [
      raiser.id,
      raiser.name,
      ids.unit('br-purbi-champaran-ahtu'),
      JSON.stringify({
        place: { borderCrossingLocode: 'INRXL' },
        recipients: { borderCrossingLocodes: ['INRXL', 'INJBN'], stationCodes: ['RXL', 'SGL', 'PNBE'] },
      }),
      at(14),
    ],
  );
  const lookout = rows[0];
  if (!lookout) throw new Error('could not create the demo lookout');
  for (const unitId of recipients) {
    await tx.query('INSERT INTO alert_recipients (alert_id, unit_id) VALUES ($1, $2)', [lookout.id, unitId]);
    await notify(
      tx,
      raiser.id,
      { unitId },
      {
        kind: 'alert.raised',
        title: `Lookout ${lookout.reference}: Group of minors expected at Raxaul crossing tonight`,
        link: `/alerts/${lookout.id}`,
        objectType: 'alert',
        objectId: lookout.id,
      },
    );
  }
  const ssb = ids.user('ssb.raxaul');
  await tx.query(
    `UPDATE alert_recipients SET acknowledged_at = $3, acknowledged_by = $4, acknowledged_by_name = $5, note = $6
     WHERE alert_id = $1 AND unit_id = $2`,
    [
      lookout.id,
      ids.unit('ssb-raxaul'),
      at(-1),
      ssb.id,
      ssb.name,
      'Joint team with the AHTU posted at the crossing from 20:00.',
    ],
  );
  const match = await raiseSystemAlert(tx, {
    kind: 'cross_state_person_match',
    title: `Possible same victim in a Bihar and a Jharkhand case${pseudonym ? ` (${pseudonym})` : ''}`,
    body: 'Age, sex, home district and recruitment place agree between two case records. Compare them and link the cases if they are the same person.',
    unitIds: [ids.unit('br-patna-ahtu'), ids.unit('jh-ranchi-ahtu')],
    stateLgd: 10,
    dedupeKey: 'demo:cross-state-match-1',
  });
  const spike = await raiseSystemAlert(tx, {
    kind: 'district_spike',
    severity: 'info',
    title: 'Rescues of minors in Purbi Champaran doubled this month',
    body: '14 minors rescued in Purbi Champaran in the last 30 days against a monthly average of 6 over the past year.',
    stateNodalOfficesOf: [10],
    unitIds: [ids.unit('nodal-cell')],
    stateLgd: 10,
    districtLgd: 213,
    details: { rescuedLast30Days: 14, monthlyAverage: 6 },
    dedupeKey: 'demo:spike-213',
  });
  await tx.query('UPDATE alerts SET is_demo = true WHERE id = ANY($1::uuid[])', [[match, spike]]);
}

export async function seedDemoMeetings(tx: Tx, ids: Ids, traceReference: string): Promise<void> {
  const chair = ids.user('br.nodal');
  const day = (hours: number) => at(hours).slice(0, 10);
  const past = await tx.query<{ id: string }>(
    `INSERT INTO meetings (state_lgd, title, held_on, location, status, minutes, created_by, is_demo)
     VALUES (10, 'Monthly coordination meeting, Bihar (last month)', $1, 'Police Headquarters, Patna', 'held', $2, $3, true) RETURNING id`,
    [
      day(-25 * 24),
      'Present: State nodal officer; AHTUs Patna, Purbi Champaran, Araria, Kishanganj; SSB Raxaul; RPF Patna Jn.\n' +
        '1. Wedding season: more crossings of minors expected at Raxaul and Jogbani.\n' +
        '2. Pending requests from West Bengal and Maharashtra reviewed.\n3. CCTV coverage at Patna Jn platform 1.',
      chair.id,
    ],
  );
  const meetingId = past.rows[0]?.id ?? '';
  const items: [string, string, number, 'open' | 'done'][] = [
    [
      'br-purbi-champaran-ahtu',
      'Post a joint SSB–AHTU team at Raxaul crossing through the wedding season',
      -10 * 24,
      'open',
    ],
    [
      'br-patna-ahtu',
      `Answer West Bengal's request ${traceReference} on the absconding accused`,
      5 * 24,
      'open',
    ],
    ['rpf-patna', 'Share CCTV coverage plan for Patna Jn platform 1', -15 * 24, 'done'],
  ];
  for (const [unit, title, dueHours, status] of items) {
    const unitId = ids.unit(unit);
    await tx.query(
      `INSERT INTO meeting_action_items (meeting_id, state_lgd, title, owner_unit_id, owner_name, due_on, status, done_at,
         done_note, created_by)
       SELECT $1, 10, $2, u.id, u.name, $3, $4, CASE WHEN $4 = 'done' THEN now() - interval '16 days' END,
         CASE WHEN $4 = 'done' THEN 'Plan shared with the AHTU; two cameras added.' END, $5 FROM units u WHERE u.id = $6`,
      [meetingId, title, day(dueHours), status, chair.id, unitId],
    );
    await notify(
      tx,
      chair.id,
      { unitId },
      {
        kind: 'meeting.action_assigned',
        title: `Action item from the Bihar coordination meeting, due ${day(dueHours)}`,
        body: title,
        link: `/meetings/${meetingId}`,
        objectType: 'meeting',
        objectId: meetingId,
      },
    );
  }
  const next = await tx.query<{ id: string }>(
    `INSERT INTO meetings (state_lgd, title, held_on, location, created_by, is_demo)
     VALUES (10, 'Monthly coordination meeting, Bihar', $1, 'Police Headquarters, Patna', $2, true) RETURNING id`,
    [day(5 * 24), chair.id],
  );
  await tx.query(
    `INSERT INTO meeting_agenda_items (meeting_id, state_lgd, position, kind, request_id, alert_id, title)
     SELECT $1, 10, row_number() OVER (ORDER BY kind DESC, since), kind, request_id, alert_id, title FROM (
       SELECT 'overdue_request' AS kind, r.id AS request_id, NULL::uuid AS alert_id, r.due_at AS since,
         'Overdue request ' || r.reference || ': ' || fu.name || ' → ' || tu.name AS title
       FROM unit_requests r JOIN units fu ON fu.id = r.from_unit_id JOIN units tu ON tu.id = r.to_unit_id
       WHERE r.status IN ('sent', 'acknowledged', 'in_progress') AND r.due_at < now() AND 10 IN (r.state_lgd, r.to_state_lgd)
       UNION ALL
       SELECT 'open_alert', NULL, a.id, a.created_at, 'Open alert ' || a.reference || ': ' || a.title
       FROM alerts a WHERE a.status = 'open' AND 10 = ANY (a.state_lgds)) items`,
    [next.rows[0]?.id ?? ''],
  );
}
