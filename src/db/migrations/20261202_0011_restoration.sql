-- Rescue to restoration: missing-person reports and found persons, matched across States; the review of
-- match candidates and the restoration that follows a confirmed match; Operation Muskan drives; and the
-- care of a rescued victim (care plan, referrals, services, compensation, repatriation, follow-up, consent).
--
-- Identity (names, date of birth, parents, address, phones, photo) lives in *_identities tables the app role
-- cannot SELECT; reveal_tracing_identity() checks need-to-know and writes the audit entry itself, as
-- reveal_person_identity() does for case persons. Matching reads identities as the owner role (system work).

CREATE SEQUENCE tracing_number_seq;
GRANT USAGE ON SEQUENCE tracing_number_seq TO setu_app;

CREATE TABLE muskan_drives (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
  -- NULL: a national drive; otherwise the State running it.
  state_lgd integer REFERENCES states (lgd_code),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  created_by uuid REFERENCES users (id),
  created_by_unit_id uuid NOT NULL REFERENCES units (id),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE TABLE muskan_drive_units (
  drive_id uuid NOT NULL REFERENCES muskan_drives (id),
  unit_id uuid NOT NULL REFERENCES units (id),
  PRIMARY KEY (drive_id, unit_id)
);

-- ---------------------------------------------------------------- missing-person reports
CREATE TABLE missing_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  -- The registering unit's State and district: jurisdiction for RLS.
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  registering_unit_id uuid NOT NULL REFERENCES units (id),
  police_station_unit_id uuid REFERENCES units (id),
  police_station_name text,
  gd_number text,
  reported_on date NOT NULL,
  last_seen_on date NOT NULL,
  last_seen_district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  last_seen_state_lgd integer NOT NULL REFERENCES states (lgd_code),
  last_seen_place text,
  circumstances text,
  pseudonym text NOT NULL UNIQUE,
  sex person_sex NOT NULL DEFAULT 'unknown',
  age_years integer CHECK (age_years BETWEEN 0 AND 120),
  age_on date,
  language text CHECK (language ~ '^[a-z]{2,3}$'),
  status text NOT NULL DEFAULT 'missing' CHECK (status IN ('missing', 'traced', 'closed')),
  status_changed_on date NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (last_seen_on <= reported_on)
);
CREATE INDEX missing_reports_scope_idx ON missing_reports (state_lgd, district_lgd, reported_on DESC);
CREATE INDEX missing_reports_status_idx ON missing_reports (status, reported_on DESC);

CREATE TABLE missing_identities (
  report_id uuid PRIMARY KEY REFERENCES missing_reports (id),
  name text NOT NULL,
  aliases text[] NOT NULL DEFAULT '{}',
  date_of_birth date,
  father_name text,
  mother_name text,
  address text,
  phones text[] NOT NULL DEFAULT '{}',
  photo_content_type text CHECK (photo_content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  photo bytea,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- found persons
CREATE TABLE found_persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  registering_unit_id uuid NOT NULL REFERENCES units (id),
  found_kind text NOT NULL CHECK (found_kind IN ('rescued', 'intercepted', 'unidentified')),
  found_on date NOT NULL,
  found_district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  found_state_lgd integer NOT NULL REFERENCES states (lgd_code),
  found_place text,
  case_id uuid REFERENCES cases (id),
  drive_id uuid REFERENCES muskan_drives (id),
  pseudonym text NOT NULL UNIQUE,
  sex person_sex NOT NULL DEFAULT 'unknown',
  age_years integer CHECK (age_years BETWEEN 0 AND 120),
  age_on date,
  language text CHECK (language ~ '^[a-z]{2,3}$'),
  -- Where the person stays now: a shelter home or Child Care Institution unit.
  placement_unit_id uuid REFERENCES units (id),
  placed_on date,
  cwc_unit_id uuid REFERENCES units (id),
  cwc_order_number text,
  cwc_order_on date,
  status text NOT NULL DEFAULT 'in_care' CHECK (status IN ('in_care', 'restored', 'transferred', 'closed')),
  status_changed_on date NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX found_persons_scope_idx ON found_persons (state_lgd, district_lgd, found_on DESC);
CREATE INDEX found_persons_placement_idx ON found_persons (placement_unit_id);
CREATE INDEX found_persons_drive_idx ON found_persons (drive_id);

CREATE TABLE found_identities (
  found_id uuid PRIMARY KEY REFERENCES found_persons (id),
  -- As the person gives it; an unidentified person may give none.
  name text,
  aliases text[] NOT NULL DEFAULT '{}',
  date_of_birth date,
  father_name text,
  mother_name text,
  address text,
  phones text[] NOT NULL DEFAULT '{}',
  photo_content_type text CHECK (photo_content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  photo bytea,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- matching
-- Blocking keys of each side, so a new or changed record fetches only the records it shares a key with.
CREATE TABLE tracing_blocking_keys (
  side text NOT NULL CHECK (side IN ('missing', 'found')),
  subject_id uuid NOT NULL,
  key text NOT NULL,
  PRIMARY KEY (side, key, subject_id)
);
CREATE INDEX tracing_blocking_keys_subject_idx ON tracing_blocking_keys (side, subject_id);

CREATE TABLE match_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  missing_id uuid NOT NULL REFERENCES missing_reports (id),
  found_id uuid NOT NULL REFERENCES found_persons (id),
  -- Both sides' jurisdictions, copied so the policy needs no join.
  missing_state_lgd integer NOT NULL,
  missing_district_lgd integer NOT NULL,
  missing_unit_id uuid NOT NULL,
  found_state_lgd integer NOT NULL,
  found_district_lgd integer NOT NULL,
  found_unit_id uuid NOT NULL,
  probability double precision NOT NULL CHECK (probability BETWEEN 0 AND 1),
  weight double precision NOT NULL,
  -- Field levels and bits of evidence only: never a name.
  explanation jsonb NOT NULL,
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected', 'withdrawn')),
  review_note text,
  reviewed_by uuid REFERENCES users (id),
  reviewed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (missing_id, found_id),
  CHECK (status NOT IN ('confirmed', 'rejected') OR reviewed_by IS NOT NULL)
);
CREATE INDEX match_candidates_found_idx ON match_candidates (found_id, probability DESC);
CREATE INDEX match_candidates_missing_idx ON match_candidates (missing_id, probability DESC);
CREATE INDEX match_candidates_status_idx ON match_candidates (status, probability DESC);

CREATE TABLE restorations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL UNIQUE REFERENCES match_candidates (id),
  missing_id uuid NOT NULL REFERENCES missing_reports (id),
  found_id uuid NOT NULL UNIQUE REFERENCES found_persons (id),
  -- Where the person is (the found side) and the home (the missing side).
  state_lgd integer NOT NULL,
  district_lgd integer NOT NULL,
  found_unit_id uuid NOT NULL,
  home_state_lgd integer NOT NULL,
  home_district_lgd integer NOT NULL,
  home_unit_id uuid NOT NULL,
  verification_request_id uuid REFERENCES unit_requests (id),
  verification text NOT NULL DEFAULT 'pending' CHECK (verification IN ('pending', 'verified', 'failed')),
  verified_on date,
  verification_note text,
  cwc_unit_id uuid REFERENCES units (id),
  cwc_order_number text,
  cwc_order_on date,
  handed_over_on date,
  handed_over_to text,
  handover_place text,
  escort_name text,
  follow_up_due_on date,
  status text NOT NULL DEFAULT 'verification'
    CHECK (status IN ('verification', 'cwc_order', 'handover', 'follow_up', 'completed', 'stopped')),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE restoration_followups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  restoration_id uuid NOT NULL REFERENCES restorations (id),
  state_lgd integer NOT NULL,
  visited_on date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('with_family', 'not_found', 're_missing', 'in_school', 'working', 'other')),
  note text,
  recorded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- care and rehabilitation
CREATE TABLE care_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  found_id uuid NOT NULL UNIQUE REFERENCES found_persons (id),
  state_lgd integer NOT NULL,
  district_lgd integer NOT NULL,
  owner_unit_id uuid NOT NULL REFERENCES units (id),
  shelter text,
  medical text,
  counselling text,
  legal_aid text,
  education_skills text,
  consent_tracing boolean,
  consent_sharing boolean,
  consent_given_by text CHECK (consent_given_by IN ('person', 'guardian', 'cwc')),
  consent_recorded_on date,
  bonded_labour_certificate_number text,
  bonded_labour_certificate_on date,
  bonded_labour_certificate_by text,
  follow_up_until date,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE care_referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES care_plans (id),
  found_id uuid NOT NULL REFERENCES found_persons (id),
  state_lgd integer NOT NULL,
  from_unit_id uuid NOT NULL REFERENCES units (id),
  to_unit_id uuid NOT NULL REFERENCES units (id),
  services text[] NOT NULL DEFAULT '{}',
  note text,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'closed')),
  decline_reason text,
  responded_by uuid REFERENCES users (id),
  responded_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'declined' OR length(btrim(coalesce(decline_reason, ''))) >= 3)
);
CREATE INDEX care_referrals_to_idx ON care_referrals (to_unit_id, status);
CREATE TABLE care_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES care_plans (id),
  found_id uuid NOT NULL REFERENCES found_persons (id),
  state_lgd integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('service', 'compensation', 'repatriation', 'follow_up')),
  occurred_on date NOT NULL,
  service_kind text CHECK (service_kind IN ('shelter', 'medical', 'counselling', 'legal_aid', 'education', 'skills')),
  compensation_stage text CHECK (compensation_stage IN ('applied', 'sanctioned', 'paid', 'rejected')),
  amount_inr integer CHECK (amount_inr >= 0),
  authority_unit_id uuid REFERENCES units (id),
  repatriation_stage text CHECK (repatriation_stage IN ('planned', 'escorted', 'handed_over')),
  to_state_lgd integer REFERENCES states (lgd_code),
  to_country text CHECK (to_country IN ('NP', 'BD')),
  escort_name text,
  handed_over_to text,
  risk_level text CHECK (risk_level IN ('low', 'medium', 'high')),
  risk_flags text[] NOT NULL DEFAULT '{}',
  note text,
  recorded_by uuid REFERENCES users (id),
  recorded_by_unit_id uuid REFERENCES units (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'service' OR service_kind IS NOT NULL),
  CHECK (kind <> 'compensation' OR compensation_stage IS NOT NULL),
  CHECK (kind <> 'repatriation' OR (repatriation_stage IS NOT NULL AND (to_state_lgd IS NOT NULL OR to_country IS NOT NULL))),
  CHECK (kind <> 'follow_up' OR risk_level IS NOT NULL)
);
CREATE INDEX care_events_plan_idx ON care_events (plan_id, occurred_on);

-- ---------------------------------------------------------------- need-to-know helpers
-- Roles that see records by jurisdiction (NGO caseworkers, trainers and administrators do not).
CREATE FUNCTION app_tracing_reader() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(app_user_role() IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'liaison_officer', 'auditor'), false)
$$;
CREATE FUNCTION app_tracing_writer() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(app_user_role() IN ('state_nodal_officer', 'district_officer', 'liaison_officer'), false)
$$;

-- Found persons referred to the actor's unit (open referrals) or placed with it: read past the policies.
CREATE FUNCTION app_referred_found_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT found_id), '{}') FROM (
    SELECT found_id FROM care_referrals WHERE to_unit_id = app_user_unit() AND status IN ('sent', 'accepted')
    UNION SELECT id FROM found_persons WHERE placement_unit_id = app_user_unit()
  ) ids
$$;

-- Records on the other side of a match candidate the actor can see: needed to review the candidate.
CREATE FUNCTION app_matched_missing_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT missing_id), '{}') FROM match_candidates
  WHERE status IN ('proposed', 'confirmed') AND (found_unit_id = app_user_unit()
    OR (app_tracing_reader() AND app_in_jurisdiction(found_state_lgd, found_district_lgd)))
$$;
CREATE FUNCTION app_matched_found_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT found_id), '{}') FROM match_candidates
  WHERE status IN ('proposed', 'confirmed') AND (missing_unit_id = app_user_unit()
    OR (app_tracing_reader() AND app_in_jurisdiction(missing_state_lgd, missing_district_lgd)))
$$;
GRANT EXECUTE ON FUNCTION app_tracing_reader(), app_tracing_writer(), app_referred_found_ids(),
  app_matched_missing_ids(), app_matched_found_ids() TO setu_app;

-- ---------------------------------------------------------------- policies
ALTER TABLE missing_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY missing_reports_visible ON missing_reports FOR SELECT TO setu_app USING (
  ((SELECT app_tracing_reader()) AND app_in_jurisdiction(state_lgd, district_lgd))
  OR registering_unit_id = (SELECT app_user_unit())
  OR police_station_unit_id = (SELECT app_user_unit())
  OR id = ANY ((SELECT app_matched_missing_ids())::uuid[])
);
CREATE POLICY missing_reports_created ON missing_reports FOR INSERT TO setu_app WITH CHECK (
  (SELECT app_tracing_writer()) AND app_in_jurisdiction(state_lgd, district_lgd)
);
CREATE POLICY missing_reports_edited ON missing_reports FOR UPDATE TO setu_app USING (
  (SELECT app_tracing_writer()) AND (app_in_jurisdiction(state_lgd, district_lgd) OR registering_unit_id = (SELECT app_user_unit()))
);
GRANT SELECT, INSERT ON missing_reports TO setu_app;
GRANT UPDATE (police_station_unit_id, police_station_name, gd_number, last_seen_on, last_seen_district_lgd,
  last_seen_state_lgd, last_seen_place, circumstances, sex, age_years, age_on, language, status,
  status_changed_on, updated_at, version) ON missing_reports TO setu_app;

ALTER TABLE missing_identities ENABLE ROW LEVEL SECURITY;
CREATE POLICY missing_identities_written ON missing_identities FOR INSERT TO setu_app
  WITH CHECK (EXISTS (SELECT 1 FROM missing_reports r WHERE r.id = report_id));
CREATE POLICY missing_identities_keys ON missing_identities FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM missing_reports r WHERE r.id = report_id AND (SELECT app_tracing_writer())
    AND (app_in_jurisdiction(r.state_lgd, r.district_lgd) OR r.registering_unit_id = (SELECT app_user_unit()))));
CREATE POLICY missing_identities_edited ON missing_identities FOR UPDATE TO setu_app
  USING (EXISTS (SELECT 1 FROM missing_reports r WHERE r.id = report_id AND (SELECT app_tracing_writer())
    AND (app_in_jurisdiction(r.state_lgd, r.district_lgd) OR r.registering_unit_id = (SELECT app_user_unit()))));
GRANT SELECT (report_id) ON missing_identities TO setu_app;
GRANT INSERT ON missing_identities TO setu_app;
GRANT UPDATE (name, aliases, date_of_birth, father_name, mother_name, address, phones, photo_content_type, photo,
  updated_at) ON missing_identities TO setu_app;

ALTER TABLE found_persons ENABLE ROW LEVEL SECURITY;
CREATE POLICY found_persons_visible ON found_persons FOR SELECT TO setu_app USING (
  ((SELECT app_tracing_reader()) AND app_in_jurisdiction(state_lgd, district_lgd))
  OR registering_unit_id = (SELECT app_user_unit())
  OR cwc_unit_id = (SELECT app_user_unit())
  OR id = ANY ((SELECT app_referred_found_ids())::uuid[])
  OR id = ANY ((SELECT app_matched_found_ids())::uuid[])
);
CREATE POLICY found_persons_created ON found_persons FOR INSERT TO setu_app WITH CHECK (
  (SELECT app_tracing_writer()) AND app_in_jurisdiction(state_lgd, district_lgd)
);
CREATE POLICY found_persons_edited ON found_persons FOR UPDATE TO setu_app USING (
  (SELECT app_tracing_writer()) AND (app_in_jurisdiction(state_lgd, district_lgd) OR registering_unit_id = (SELECT app_user_unit()))
);
GRANT SELECT, INSERT ON found_persons TO setu_app;
GRANT UPDATE (found_kind, found_on, found_district_lgd, found_state_lgd, found_place, case_id, drive_id, sex,
  age_years, age_on, language, placement_unit_id, placed_on, cwc_unit_id, cwc_order_number, cwc_order_on, status,
  status_changed_on, updated_at, version) ON found_persons TO setu_app;

ALTER TABLE found_identities ENABLE ROW LEVEL SECURITY;
CREATE POLICY found_identities_written ON found_identities FOR INSERT TO setu_app
  WITH CHECK (EXISTS (SELECT 1 FROM found_persons f WHERE f.id = found_id));
CREATE POLICY found_identities_keys ON found_identities FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM found_persons f WHERE f.id = found_id AND (SELECT app_tracing_writer())
    AND (app_in_jurisdiction(f.state_lgd, f.district_lgd) OR f.registering_unit_id = (SELECT app_user_unit()))));
CREATE POLICY found_identities_edited ON found_identities FOR UPDATE TO setu_app
  USING (EXISTS (SELECT 1 FROM found_persons f WHERE f.id = found_id AND (SELECT app_tracing_writer())
    AND (app_in_jurisdiction(f.state_lgd, f.district_lgd) OR f.registering_unit_id = (SELECT app_user_unit()))));
GRANT SELECT (found_id) ON found_identities TO setu_app;
GRANT INSERT ON found_identities TO setu_app;
GRANT UPDATE (name, aliases, date_of_birth, father_name, mother_name, address, phones, photo_content_type, photo,
  updated_at) ON found_identities TO setu_app;

-- Candidates: seen and reviewed from either side's jurisdiction (matching itself runs as the owner).
ALTER TABLE match_candidates ENABLE ROW LEVEL SECURITY;
CREATE POLICY match_candidates_visible ON match_candidates FOR SELECT TO setu_app USING (
  missing_unit_id = (SELECT app_user_unit()) OR found_unit_id = (SELECT app_user_unit())
  OR ((SELECT app_tracing_reader()) AND (app_in_jurisdiction(missing_state_lgd, missing_district_lgd)
      OR app_in_jurisdiction(found_state_lgd, found_district_lgd)))
);
CREATE POLICY match_candidates_reviewed ON match_candidates FOR UPDATE TO setu_app USING (
  (SELECT app_tracing_writer()) AND (missing_unit_id = (SELECT app_user_unit()) OR found_unit_id = (SELECT app_user_unit())
    OR app_in_jurisdiction(missing_state_lgd, missing_district_lgd) OR app_in_jurisdiction(found_state_lgd, found_district_lgd))
);
GRANT SELECT ON match_candidates TO setu_app;
GRANT UPDATE (status, review_note, reviewed_by, reviewed_at, updated_at) ON match_candidates TO setu_app;

ALTER TABLE restorations ENABLE ROW LEVEL SECURITY;
CREATE POLICY restorations_visible ON restorations FOR SELECT TO setu_app USING (
  found_unit_id = (SELECT app_user_unit()) OR home_unit_id = (SELECT app_user_unit()) OR cwc_unit_id = (SELECT app_user_unit())
  OR ((SELECT app_tracing_reader()) AND (app_in_jurisdiction(state_lgd, district_lgd)
      OR app_in_jurisdiction(home_state_lgd, home_district_lgd)))
);
CREATE POLICY restorations_written ON restorations FOR INSERT TO setu_app WITH CHECK (
  (SELECT app_tracing_writer()) AND (app_in_jurisdiction(state_lgd, district_lgd) OR app_in_jurisdiction(home_state_lgd, home_district_lgd)
    OR found_unit_id = (SELECT app_user_unit()) OR home_unit_id = (SELECT app_user_unit()))
);
CREATE POLICY restorations_edited ON restorations FOR UPDATE TO setu_app USING (
  (SELECT app_tracing_writer()) AND (app_in_jurisdiction(state_lgd, district_lgd) OR app_in_jurisdiction(home_state_lgd, home_district_lgd)
    OR found_unit_id = (SELECT app_user_unit()) OR home_unit_id = (SELECT app_user_unit()))
);
GRANT SELECT, INSERT ON restorations TO setu_app;
GRANT UPDATE (verification_request_id, verification, verified_on, verification_note, cwc_unit_id, cwc_order_number,
  cwc_order_on, handed_over_on, handed_over_to, handover_place, escort_name, follow_up_due_on, status, updated_at)
  ON restorations TO setu_app;

ALTER TABLE restoration_followups ENABLE ROW LEVEL SECURITY;
CREATE POLICY restoration_followups_visible ON restoration_followups FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM restorations r WHERE r.id = restoration_id));
CREATE POLICY restoration_followups_written ON restoration_followups FOR INSERT TO setu_app
  WITH CHECK ((SELECT app_tracing_writer()) AND EXISTS (SELECT 1 FROM restorations r WHERE r.id = restoration_id));
GRANT SELECT, INSERT ON restoration_followups TO setu_app;

ALTER TABLE muskan_drives ENABLE ROW LEVEL SECURITY;
CREATE POLICY muskan_drives_visible ON muskan_drives FOR SELECT TO setu_app USING (
  (SELECT app_tracing_reader()) AND (state_lgd IS NULL OR (SELECT app_scope_level()) = 'national'
    OR state_lgd = (SELECT app_scope_state()))
);
CREATE POLICY muskan_drives_created ON muskan_drives FOR INSERT TO setu_app WITH CHECK (
  created_by_unit_id = (SELECT app_user_unit()) AND (
    ((SELECT app_user_role()) = 'national_analyst' AND (SELECT app_scope_level()) = 'national')
    OR ((SELECT app_user_role()) = 'state_nodal_officer' AND state_lgd = (SELECT app_scope_state())))
);
GRANT SELECT, INSERT ON muskan_drives TO setu_app;
ALTER TABLE muskan_drive_units ENABLE ROW LEVEL SECURITY;
CREATE POLICY muskan_drive_units_visible ON muskan_drive_units FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM muskan_drives d WHERE d.id = drive_id));
CREATE POLICY muskan_drive_units_written ON muskan_drive_units FOR INSERT TO setu_app
  WITH CHECK (EXISTS (SELECT 1 FROM muskan_drives d WHERE d.id = drive_id AND d.created_by_unit_id = (SELECT app_user_unit())));
GRANT SELECT, INSERT ON muskan_drive_units TO setu_app;

-- Care: the jurisdiction and the plan's own unit; NGOs and shelters only for victims referred or placed with them.
ALTER TABLE care_plans ENABLE ROW LEVEL SECURITY;
CREATE POLICY care_plans_visible ON care_plans FOR SELECT TO setu_app USING (
  owner_unit_id = (SELECT app_user_unit())
  OR ((SELECT app_tracing_reader()) AND app_in_jurisdiction(state_lgd, district_lgd))
  OR found_id = ANY ((SELECT app_referred_found_ids())::uuid[])
);
CREATE POLICY care_plans_written ON care_plans FOR INSERT TO setu_app WITH CHECK (
  (SELECT app_tracing_writer()) AND (app_in_jurisdiction(state_lgd, district_lgd) OR owner_unit_id = (SELECT app_user_unit()))
);
CREATE POLICY care_plans_edited ON care_plans FOR UPDATE TO setu_app USING (
  (SELECT app_tracing_writer()) AND (app_in_jurisdiction(state_lgd, district_lgd) OR owner_unit_id = (SELECT app_user_unit()))
);
GRANT SELECT, INSERT ON care_plans TO setu_app;
GRANT UPDATE (shelter, medical, counselling, legal_aid, education_skills, consent_tracing, consent_sharing,
  consent_given_by, consent_recorded_on, bonded_labour_certificate_number, bonded_labour_certificate_on,
  bonded_labour_certificate_by, follow_up_until, updated_at) ON care_plans TO setu_app;

ALTER TABLE care_referrals ENABLE ROW LEVEL SECURITY;
CREATE POLICY care_referrals_visible ON care_referrals FOR SELECT TO setu_app USING (
  to_unit_id = (SELECT app_user_unit()) OR from_unit_id = (SELECT app_user_unit())
  OR ((SELECT app_tracing_reader()) AND EXISTS (SELECT 1 FROM care_plans p WHERE p.id = plan_id))
);
CREATE POLICY care_referrals_written ON care_referrals FOR INSERT TO setu_app WITH CHECK (
  (SELECT app_tracing_writer()) AND from_unit_id = (SELECT app_user_unit())
  AND EXISTS (SELECT 1 FROM care_plans p WHERE p.id = plan_id)
);
CREATE POLICY care_referrals_answered ON care_referrals FOR UPDATE TO setu_app USING (
  to_unit_id = (SELECT app_user_unit()) OR from_unit_id = (SELECT app_user_unit())
);
GRANT SELECT, INSERT ON care_referrals TO setu_app;
GRANT UPDATE (status, decline_reason, responded_by, responded_at) ON care_referrals TO setu_app;

ALTER TABLE care_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY care_events_visible ON care_events FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM care_plans p WHERE p.id = plan_id));
-- NGOs record services and follow-up visits only for victims whose referral they accepted.
CREATE POLICY care_events_written ON care_events FOR INSERT TO setu_app WITH CHECK (
  recorded_by_unit_id = (SELECT app_user_unit()) AND EXISTS (SELECT 1 FROM care_plans p WHERE p.id = plan_id) AND (
    (SELECT app_tracing_writer())
    OR (kind IN ('service', 'follow_up') AND EXISTS (SELECT 1 FROM care_referrals r WHERE r.plan_id = care_events.plan_id
        AND r.to_unit_id = (SELECT app_user_unit()) AND r.status = 'accepted')))
);
GRANT SELECT, INSERT ON care_events TO setu_app;

-- ---------------------------------------------------------------- reading identity
-- Standing of the actor towards a missing report or found person: 'owner' (registering unit or its
-- jurisdiction, writer roles), 'matched' (the other side of an open or confirmed candidate), 'referral'
-- (an accepted care referral or placement, found persons only), else NULL. Children's identity needs a
-- stated reason (JJ Act s.74); every view is audited here, in the same statement.
CREATE FUNCTION reveal_tracing_identity(subject_kind text, subject uuid, view_reason text, client_ip text)
RETURNS TABLE (name text, aliases text[], date_of_birth date, father_name text, mother_name text, address text,
  phones text[], photo_content_type text, photo bytea)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  st integer; di integer; unit uuid; age integer; standing text; actor users;
BEGIN
  IF subject_kind = 'missing' THEN
    SELECT r.state_lgd, r.district_lgd, r.registering_unit_id, r.age_years INTO st, di, unit, age
    FROM missing_reports r WHERE r.id = subject;
  ELSIF subject_kind = 'found' THEN
    SELECT f.state_lgd, f.district_lgd, f.registering_unit_id, f.age_years INTO st, di, unit, age
    FROM found_persons f WHERE f.id = subject;
  ELSE
    RAISE EXCEPTION 'unknown subject kind' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF NOT FOUND OR st IS NULL THEN RAISE EXCEPTION 'not found' USING ERRCODE = 'no_data_found'; END IF;
  IF app_tracing_writer() AND (unit = app_user_unit() OR app_in_jurisdiction(st, di)) THEN
    standing := 'owner';
  ELSIF app_tracing_writer() AND subject_kind = 'missing' AND subject = ANY (app_matched_missing_ids()) THEN
    standing := 'matched';
  ELSIF app_tracing_writer() AND subject_kind = 'found' AND subject = ANY (app_matched_found_ids()) THEN
    standing := 'matched';
  ELSIF subject_kind = 'found' AND EXISTS (SELECT 1 FROM care_referrals c WHERE c.found_id = subject
      AND c.to_unit_id = app_user_unit() AND c.status = 'accepted') THEN
    standing := 'referral';
  ELSIF subject_kind = 'found' AND EXISTS (SELECT 1 FROM found_persons f WHERE f.id = subject
      AND f.placement_unit_id = app_user_unit()) THEN
    standing := 'referral';
  END IF;
  IF standing IS NULL THEN
    IF (subject_kind = 'missing' AND EXISTS (SELECT 1 FROM missing_reports r WHERE r.id = subject AND (
          r.registering_unit_id = app_user_unit() OR subject = ANY (app_matched_missing_ids())
          OR (app_tracing_reader() AND app_in_jurisdiction(st, di)))))
      OR (subject_kind = 'found' AND (subject = ANY (app_referred_found_ids()) OR subject = ANY (app_matched_found_ids())
          OR (app_tracing_reader() AND app_in_jurisdiction(st, di)))) THEN
      RAISE EXCEPTION 'identity not authorised' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RAISE EXCEPTION 'not found' USING ERRCODE = 'no_data_found';
  END IF;
  IF (age IS NULL OR age < 18) AND (view_reason IS NULL OR length(btrim(view_reason)) < 5) THEN
    RAISE EXCEPTION 'a reason is required' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT * INTO actor FROM users WHERE id = app_user_id();
  INSERT INTO audit_log (actor_user_id, actor_username, actor_unit_id, action, object_type, object_id, outcome, reason, client_ip, details)
  VALUES (actor.id, actor.username, actor.unit_id, subject_kind || '.reveal_identity',
    CASE subject_kind WHEN 'missing' THEN 'missing_report' ELSE 'found_person' END, subject::text, 'success',
    view_reason, client_ip, jsonb_build_object('standing', standing, 'child', age IS NULL OR age < 18));
  IF subject_kind = 'missing' THEN
    RETURN QUERY SELECT i.name, i.aliases, i.date_of_birth, i.father_name, i.mother_name, i.address, i.phones,
      i.photo_content_type, i.photo FROM missing_identities i WHERE i.report_id = subject;
  ELSE
    RETURN QUERY SELECT i.name, i.aliases, i.date_of_birth, i.father_name, i.mother_name, i.address, i.phones,
      i.photo_content_type, i.photo FROM found_identities i WHERE i.found_id = subject;
  END IF;
END $$;
GRANT EXECUTE ON FUNCTION reveal_tracing_identity(text, uuid, text, text) TO setu_app;

-- A confirmed match closes the loop on both sides, whichever side confirmed it: the report is marked traced
-- (its own unit may be in another State) and every other open candidate of either record is withdrawn.
CREATE FUNCTION tracing_confirmed(candidate uuid) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  c match_candidates;
BEGIN
  SELECT * INTO c FROM match_candidates WHERE id = candidate;
  IF NOT FOUND OR c.status <> 'confirmed' OR c.reviewed_by IS DISTINCT FROM app_user_id() THEN
    RAISE EXCEPTION 'candidate not confirmed by this user' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE missing_reports SET status = 'traced', status_changed_on = current_date, version = version + 1, updated_at = now()
  WHERE id = c.missing_id AND status = 'missing';
  UPDATE match_candidates SET status = 'withdrawn', updated_at = now()
  WHERE status = 'proposed' AND (missing_id = c.missing_id OR found_id = c.found_id);
END $$;
GRANT EXECUTE ON FUNCTION tracing_confirmed(uuid) TO setu_app;

-- The matching model (name frequencies counted over all records), refreshed by a full rematch (demo seed,
-- rebuild) and read by the incremental matcher. System work only: no grant to the app role.
CREATE TABLE tracing_model (
  id integer PRIMARY KEY CHECK (id = 1),
  model jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tracing_model ENABLE ROW LEVEL SECURITY;
