/**
 * Demo traffic on the channel between the demo units: open, overdue, answered, declined and closed
 * requests, a Raxaul lookout and two alerts raised by Setu, and Bihar's coordination meetings with action
 * items. Idempotent: nothing is added once demo requests exist. Needs seedDemo() first; uses a demo case
 * of AHTU Patna for the verification request when one exists.
 */
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../audit/service.ts';
import { addRequest, demoCase, lookup } from './channel-build.ts';
import { seedDemoAlerts, seedDemoMeetings } from './channel-followup.ts';
import { DEMO_UNITS } from './units.ts';

export async function seedDemoChannel(db: Database): Promise<{ created: boolean }> {
  return db.asSystem(async (tx) => {
    const existing = await tx.query('SELECT 1 FROM unit_requests WHERE is_demo LIMIT 1');
    if (existing.rowCount > 0) return { created: false };
    const ids = await lookup(tx);
    const patna = ids.unit('br-patna-ahtu');
    const victim = await demoCase(tx, patna);
    const who = victim
      ? `${victim.pseudonym} (${victim.sex}, ${victim.age_years ?? 'age unknown'})`
      : 'a rescued girl of 14';

    const verify = await addRequest(tx, ids, {
      kind: 'verify_family',
      priority: 'urgent',
      status: 'acknowledged',
      from: 'br-patna-ahtu',
      to: 'jh-ranchi-ahtu',
      sender: 'br.patna.ahtu',
      createdHours: -20,
      caseId: victim?.case_id ?? null,
      caseReference: victim?.reference ?? null,
      identityShared: victim !== undefined,
      subject: `Verify family and home address of ${who}, home district ${victim?.home_district_name ?? 'Ranchi'}`,
      body: 'Rescued at Patna Junction from a placement agent. Please verify the parents and the address the child gives, and whether the family can safely take the child back, for the CWC Patna restoration order.',
      steps: [
        {
          event: 'acknowledged',
          by: 'jh.ranchi.ahtu',
          hours: -18,
          body: 'Received. Field visit planned for Thursday.',
        },
      ],
    });
    if (victim) {
      await tx.query(
        `INSERT INTO request_persons (request_id, person_id, role, pseudonym, sex, age_years, home_district_lgd)
         VALUES ($1, $2, 'victim', $3, $4, $5, $6)`,
        [
          verify.id,
          victim.person_id,
          victim.pseudonym,
          victim.sex,
          victim.age_years,
          victim.home_district_lgd,
        ],
      );
      await tx.query(
        `INSERT INTO case_shares (case_id, unit_id, purpose, identity_access, reason, granted_by)
         VALUES ($1, $2, 'assisting', true, $3, $4) ON CONFLICT (case_id, unit_id) DO NOTHING`,
        [
          victim.case_id,
          ids.unit('jh-ranchi-ahtu'),
          `Request ${verify.reference}: verify family`,
          ids.user('br.patna.ahtu').id,
        ],
      );
    }
    const trace = await addRequest(tx, ids, {
      kind: 'trace_accused',
      priority: 'routine',
      status: 'sent',
      from: 'wb-kolkata-ahtu',
      to: 'br-patna-ahtu',
      sender: 'wb.kolkata.ahtu',
      createdHours: -20 * 24,
      subject: 'Trace a placement agent absconding from a Howrah case, believed in Patna',
      body: 'Accused recruiter in a Howrah case (girls sent to Delhi as domestic workers) is believed to stay near Patna Junction. Please trace and inform before arrest.',
      steps: [],
    });
    await addRequest(tx, ids, {
      kind: 'repatriate_victim',
      priority: 'urgent',
      status: 'answered',
      from: 'mh-mumbai-ahtu',
      to: 'br-patna-ahtu',
      sender: 'mh.mumbai.ahtu',
      createdHours: -10 * 24,
      subject: 'Repatriate two boys rescued from a Mumbai zari unit to Patna',
      body: 'Two boys from Patna district rescued in a labour raid; CWC Mumbai has ordered repatriation. Please arrange reception and the CWC Patna hearing.',
      steps: [
        { event: 'acknowledged', by: 'br.patna.ahtu', hours: -9 * 24 },
        { event: 'started', by: 'br.patna.ahtu', hours: -8 * 24 },
        {
          event: 'answered',
          by: 'br.patna.ahtu',
          hours: -5 * 24,
          body: 'CWC Patna hearing fixed; escort from Patna will meet the train at Patna Jn. Families verified.',
        },
      ],
    });
    await addRequest(tx, ids, {
      kind: 'obtain_documents',
      priority: 'routine',
      status: 'in_progress',
      from: 'dl-new-delhi-ahtu',
      to: 'br-purbi-champaran-ahtu',
      sender: 'dl.newdelhi.ahtu',
      createdHours: -4 * 24,
      subject: 'School certificates for age proof of three girls from Motihari',
      body: 'Needed for the POCSO charge-sheet: school admission registers or certificates showing date of birth.',
      steps: [
        { event: 'acknowledged', by: 'br.champaran.ahtu', hours: -3 * 24 },
        { event: 'started', by: 'br.champaran.ahtu', hours: -3 * 24 + 2 },
      ],
    });
    await addRequest(tx, ids, {
      kind: 'share_information',
      priority: 'immediate',
      status: 'closed',
      from: 'ssb-raxaul',
      to: 'br-purbi-champaran-ahtu',
      sender: 'ssb.raxaul',
      createdHours: -30 * 24,
      subject: 'Vehicle seen ferrying young women across Raxaul at night',
      body: 'A white SUV crossed three times last week after 22:00 with young women; number plate shared in the attachment-free note.',
      steps: [
        { event: 'acknowledged', by: 'br.champaran.ahtu', hours: -30 * 24 + 1 },
        {
          event: 'answered',
          by: 'br.champaran.ahtu',
          hours: -30 * 24 + 8,
          body: 'Owner identified; checked, a wedding party. No action needed.',
        },
        { event: 'closed', by: 'ssb.raxaul', hours: -29 * 24 },
      ],
    });
    await addRequest(tx, ids, {
      kind: 'share_information',
      priority: 'urgent',
      status: 'declined',
      from: 'jh-ranchi-ahtu',
      to: 'br-patna-ahtu',
      sender: 'jh.ranchi.ahtu',
      createdHours: -6 * 24,
      subject: 'Railway manifests for Ranchi–Patna trains in January',
      body: 'Please share the reservation manifests for the trains in January.',
      steps: [
        {
          event: 'declined',
          by: 'br.patna.ahtu',
          hours: -5 * 24,
          body: 'Manifests are with the railways: ask RPF Patna Junction, copied to them.',
        },
      ],
    });
    // The old trace request is already at the State nodal office; the job takes it on to the Nodal Cell.
    const due = await tx.query<{ due_at: string | Date }>('SELECT due_at FROM unit_requests WHERE id = $1', [
      trace.id,
    ]);
    const dueAt = new Date(due.rows[0]?.due_at ?? Date.now()).toISOString();
    await tx.query(
      `INSERT INTO request_escalations (request_id, round, level, to_unit_id, due_at, escalated_at) VALUES ($1, 1, 1, $2, $3, $3)`,
      [trace.id, ids.unit('br'), dueAt],
    );
    await tx.query(`UPDATE unit_requests SET escalation_level = 1 WHERE id = $1`, [trace.id]);
    await tx.query(
      `INSERT INTO request_messages (request_id, event, body, created_at) VALUES ($1, 'escalated', $2, $3)`,
      [
        trace.id,
        `Overdue since ${dueAt.slice(0, 16).replace('T', ' ')} UTC: escalated to ${DEMO_UNITS.find((u) => u.key === 'br')?.name ?? 'the State nodal office'}.`,
        dueAt,
      ],
    );

    await seedDemoAlerts(tx, ids, victim?.pseudonym);
    await seedDemoMeetings(tx, ids, trace.reference);
    await appendAudit(
      tx,
      { username: 'setu demo seed' },
      { action: 'demo.seed_channel', details: { requests: 6 } },
    );
    return { created: true };
  });
}
