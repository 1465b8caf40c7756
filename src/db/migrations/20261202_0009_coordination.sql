-- Coordination and outreach: State conferences and judicial colloquia (proposals with budget lines under
-- the MHA cap, approval, participants, resolutions and action items), the best-practice compendium,
-- awareness campaigns, and the public tip line.

-- ---------------------------------------------------------------- conferences and judicial colloquia
CREATE TABLE conferences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  kind text NOT NULL CHECK (kind IN ('state_conference', 'judicial_colloquium')),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  venue text CHECK (venue IS NULL OR length(venue) <= 300),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  objectives text CHECK (objectives IS NULL OR length(objectives) <= 5000),
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'returned', 'held', 'closed')),
  -- Kept equal to the sum of the MHA-funded budget lines by a trigger, so the cap holds in the database too:
  -- MHA supports a State conference or judicial colloquium with at most Rs 2 lakh.
  mha_support_rupees bigint NOT NULL DEFAULT 0,
  total_budget_rupees bigint NOT NULL DEFAULT 0,
  proposed_by_unit_id uuid NOT NULL REFERENCES units (id),
  created_by uuid REFERENCES users (id),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_note text CHECK (decision_note IS NULL OR length(decision_note) <= 2000),
  outcome_summary text CHECK (outcome_summary IS NULL OR length(outcome_summary) <= 10000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false,
  CONSTRAINT conferences_mha_cap CHECK (mha_support_rupees BETWEEN 0 AND 200000),
  CONSTRAINT conferences_dates CHECK (ends_on >= starts_on)
);
CREATE INDEX conferences_state_idx ON conferences (state_lgd, starts_on DESC);

CREATE TABLE conference_budget_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conference_id uuid NOT NULL REFERENCES conferences (id),
  state_lgd integer NOT NULL,
  position integer NOT NULL CHECK (position >= 1),
  item text NOT NULL CHECK (length(item) BETWEEN 2 AND 200),
  amount_rupees bigint NOT NULL CHECK (amount_rupees > 0 AND amount_rupees <= 100000000),
  funded_by text NOT NULL CHECK (funded_by IN ('mha', 'state', 'other')),
  UNIQUE (conference_id, position)
);

CREATE TABLE conference_participants (
  conference_id uuid NOT NULL REFERENCES conferences (id),
  state_lgd integer NOT NULL,
  category text NOT NULL CHECK (category IN ('high_court_judges', 'sessions_judges', 'public_prosecutors',
    'police_officers', 'district_nodal_officers', 'labour_officials', 'cwc_members', 'probation_officers',
    'ngo_civil_society', 'lawyers', 'other')),
  planned integer NOT NULL DEFAULT 0 CHECK (planned BETWEEN 0 AND 100000),
  attended integer CHECK (attended IS NULL OR attended BETWEEN 0 AND 100000),
  PRIMARY KEY (conference_id, category)
);

CREATE TABLE conference_resolutions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conference_id uuid NOT NULL REFERENCES conferences (id),
  state_lgd integer NOT NULL,
  position integer NOT NULL CHECK (position >= 1),
  text text NOT NULL CHECK (length(text) BETWEEN 3 AND 2000),
  UNIQUE (conference_id, position)
);

CREATE TABLE conference_action_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conference_id uuid NOT NULL REFERENCES conferences (id),
  resolution_id uuid REFERENCES conference_resolutions (id),
  state_lgd integer NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  owner_unit_id uuid NOT NULL REFERENCES units (id),
  owner_name text NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
  done_at timestamptz,
  done_by uuid REFERENCES users (id),
  note text CHECK (note IS NULL OR length(note) <= 2000),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conference_actions_open_idx ON conference_action_items (state_lgd, due_on) WHERE status <> 'done';
CREATE INDEX conference_actions_conference_idx ON conference_action_items (conference_id);
CREATE INDEX conference_actions_owner_idx ON conference_action_items (owner_unit_id) WHERE status <> 'done';

-- The totals follow the budget lines in the same statement; an MHA share over the cap then fails the CHECK.
CREATE FUNCTION conference_budget_totals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  target uuid := coalesce(NEW.conference_id, OLD.conference_id);
BEGIN
  UPDATE conferences c SET
    mha_support_rupees = coalesce((SELECT sum(amount_rupees) FROM conference_budget_lines
      WHERE conference_id = target AND funded_by = 'mha'), 0),
    total_budget_rupees = coalesce((SELECT sum(amount_rupees) FROM conference_budget_lines
      WHERE conference_id = target), 0)
  WHERE c.id = target;
  RETURN NULL;
END $$;
CREATE TRIGGER conference_budget_totals AFTER INSERT OR UPDATE OR DELETE ON conference_budget_lines
  FOR EACH ROW EXECUTE FUNCTION conference_budget_totals();

-- Readers of a State's conferences: its officers and oversight; the Nodal Cell reads every State's.
CREATE FUNCTION app_reads_state_coordination(record_state integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer',
      'liaison_officer', 'trainer', 'auditor')
    AND ((SELECT app_scope_level()) = 'national' OR (SELECT app_scope_state()) = record_state),
    false)
$$;
GRANT EXECUTE ON FUNCTION app_reads_state_coordination(integer) TO setu_app;

ALTER TABLE conferences ENABLE ROW LEVEL SECURITY;
CREATE POLICY conferences_visible ON conferences FOR SELECT TO setu_app
  USING (app_reads_state_coordination(state_lgd));
CREATE POLICY conferences_proposed ON conferences FOR INSERT TO setu_app WITH CHECK (
  (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'trainer')
  AND proposed_by_unit_id = (SELECT app_user_unit())
  AND ((SELECT app_scope_level()) = 'national' OR (SELECT app_scope_state()) = state_lgd)
);
-- The proposing unit edits a proposal it has back; the approvers (app_can_run_meeting) decide.
CREATE POLICY conferences_changed ON conferences FOR UPDATE TO setu_app
  USING (app_can_run_meeting(state_lgd) OR proposed_by_unit_id = (SELECT app_user_unit()))
  WITH CHECK (app_can_run_meeting(state_lgd) OR proposed_by_unit_id = (SELECT app_user_unit()));
GRANT SELECT, INSERT ON conferences TO setu_app;
GRANT UPDATE (title, venue, starts_on, ends_on, objectives, status, decided_by, decided_at, decision_note,
  outcome_summary, updated_at) ON conferences TO setu_app;

-- Child rows: readable with their conference; written by whoever may change the conference.
ALTER TABLE conference_budget_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY conference_budget_visible ON conference_budget_lines FOR SELECT TO setu_app
  USING (app_reads_state_coordination(state_lgd));
CREATE POLICY conference_budget_written ON conference_budget_lines FOR ALL TO setu_app
  USING (EXISTS (SELECT 1 FROM conferences c WHERE c.id = conference_budget_lines.conference_id
    AND (app_can_run_meeting(c.state_lgd) OR c.proposed_by_unit_id = (SELECT app_user_unit()))))
  WITH CHECK (EXISTS (SELECT 1 FROM conferences c WHERE c.id = conference_budget_lines.conference_id AND c.state_lgd = conference_budget_lines.state_lgd
    AND (app_can_run_meeting(c.state_lgd) OR c.proposed_by_unit_id = (SELECT app_user_unit()))));
GRANT SELECT, INSERT, DELETE ON conference_budget_lines TO setu_app;

ALTER TABLE conference_participants ENABLE ROW LEVEL SECURITY;
CREATE POLICY conference_participants_visible ON conference_participants FOR SELECT TO setu_app
  USING (app_reads_state_coordination(state_lgd));
CREATE POLICY conference_participants_written ON conference_participants FOR ALL TO setu_app
  USING (EXISTS (SELECT 1 FROM conferences c WHERE c.id = conference_participants.conference_id
    AND (app_can_run_meeting(c.state_lgd) OR c.proposed_by_unit_id = (SELECT app_user_unit()))))
  WITH CHECK (EXISTS (SELECT 1 FROM conferences c WHERE c.id = conference_participants.conference_id AND c.state_lgd = conference_participants.state_lgd
    AND (app_can_run_meeting(c.state_lgd) OR c.proposed_by_unit_id = (SELECT app_user_unit()))));
GRANT SELECT, INSERT, DELETE ON conference_participants TO setu_app;
GRANT UPDATE (planned, attended) ON conference_participants TO setu_app;

ALTER TABLE conference_resolutions ENABLE ROW LEVEL SECURITY;
CREATE POLICY conference_resolutions_visible ON conference_resolutions FOR SELECT TO setu_app
  USING (app_reads_state_coordination(state_lgd));
CREATE POLICY conference_resolutions_written ON conference_resolutions FOR INSERT TO setu_app
  WITH CHECK (EXISTS (SELECT 1 FROM conferences c WHERE c.id = conference_resolutions.conference_id AND c.state_lgd = conference_resolutions.state_lgd
    AND (app_can_run_meeting(c.state_lgd) OR c.proposed_by_unit_id = (SELECT app_user_unit()))));
GRANT SELECT, INSERT ON conference_resolutions TO setu_app;

-- An owner in another State (a border unit, the Nodal Cell) sees and follows up its own items.
ALTER TABLE conference_action_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY conference_actions_visible ON conference_action_items FOR SELECT TO setu_app USING (
  app_reads_state_coordination(state_lgd) OR owner_unit_id = (SELECT app_user_unit())
);
CREATE POLICY conference_actions_written ON conference_action_items FOR INSERT TO setu_app
  WITH CHECK (EXISTS (SELECT 1 FROM conferences c WHERE c.id = conference_action_items.conference_id AND c.state_lgd = conference_action_items.state_lgd
    AND (app_can_run_meeting(c.state_lgd) OR c.proposed_by_unit_id = (SELECT app_user_unit()))));
CREATE POLICY conference_actions_followed ON conference_action_items FOR UPDATE TO setu_app USING (
  app_can_run_meeting(state_lgd) OR owner_unit_id = (SELECT app_user_unit())
);
GRANT SELECT, INSERT ON conference_action_items TO setu_app;
GRANT UPDATE (status, done_at, done_by, note, due_on, updated_at) ON conference_action_items TO setu_app;

-- ---------------------------------------------------------------- best-practice compendium
CREATE TABLE practices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer REFERENCES districts (lgd_code),
  unit_id uuid NOT NULL REFERENCES units (id),
  unit_name text NOT NULL,
  category text NOT NULL CHECK (category IN ('prevention', 'rescue', 'investigation', 'prosecution',
    'rehabilitation', 'technology')),
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'hi')),
  title text NOT NULL CHECK (length(title) BETWEEN 5 AND 200),
  summary text NOT NULL CHECK (length(summary) BETWEEN 10 AND 1000),
  body text NOT NULL CHECK (length(body) BETWEEN 20 AND 20000),
  outcomes text CHECK (outcomes IS NULL OR length(outcomes) <= 5000),
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'published', 'returned')),
  review_note text CHECK (review_note IS NULL OR length(review_note) <= 2000),
  reviewed_by uuid REFERENCES users (id),
  published_at timestamptz,
  submitted_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false,
  -- 'simple' keeps words as written: no English stemming that would mangle Hindi, the same on both engines.
  search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, title), 'A')
    || setweight(to_tsvector('simple'::regconfig, summary), 'B')
    || setweight(to_tsvector('simple'::regconfig, body || ' ' || coalesce(outcomes, '')), 'C')
  ) STORED
);
CREATE INDEX practices_search_idx ON practices USING gin (search_vector);
CREATE INDEX practices_title_trgm ON practices USING gin (lower(title) gin_trgm_ops);
CREATE INDEX practices_state_idx ON practices (state_lgd, status);

CREATE TABLE practice_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  practice_id uuid NOT NULL REFERENCES practices (id),
  state_lgd integer NOT NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid REFERENCES users (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX practice_attachments_practice_idx ON practice_attachments (practice_id);
CREATE TABLE practice_attachment_contents (
  attachment_id uuid PRIMARY KEY REFERENCES practice_attachments (id),
  content bytea NOT NULL
);

-- Reviewers: the State nodal officer of the practice's State, or the Nodal Cell.
-- Published practices are the whole country's to read; drafts only their unit's and the reviewers'.
CREATE FUNCTION app_sees_practice(p_state integer, p_unit uuid, p_status text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT (SELECT app_user_role()) IS NOT NULL AND (
    p_status = 'published'
    OR p_unit = (SELECT app_user_unit())
    OR app_can_run_meeting(p_state)
    OR ((SELECT app_user_role()) = 'auditor'
      AND ((SELECT app_scope_level()) = 'national' OR (SELECT app_scope_state()) = p_state)))
$$;
GRANT EXECUTE ON FUNCTION app_sees_practice(integer, uuid, text) TO setu_app;

ALTER TABLE practices ENABLE ROW LEVEL SECURITY;
CREATE POLICY practices_visible ON practices FOR SELECT TO setu_app
  USING (app_sees_practice(state_lgd, unit_id, status));
CREATE POLICY practices_submitted ON practices FOR INSERT TO setu_app WITH CHECK (
  (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer',
    'liaison_officer', 'ngo_caseworker', 'trainer')
  AND unit_id = (SELECT app_user_unit()) AND status = 'submitted'
);
CREATE POLICY practices_changed ON practices FOR UPDATE TO setu_app
  USING (app_can_run_meeting(state_lgd) OR (unit_id = (SELECT app_user_unit()) AND status <> 'published'))
  WITH CHECK (app_can_run_meeting(state_lgd) OR (unit_id = (SELECT app_user_unit()) AND status = 'submitted'));
GRANT SELECT, INSERT ON practices TO setu_app;
GRANT UPDATE (category, language, title, summary, body, outcomes, status, review_note, reviewed_by,
  published_at, updated_at) ON practices TO setu_app;

ALTER TABLE practice_attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_attachments_visible ON practice_attachments FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM practices p WHERE p.id = practice_id));
CREATE POLICY practice_attachments_added ON practice_attachments FOR INSERT TO setu_app
  WITH CHECK (EXISTS (SELECT 1 FROM practices p WHERE p.id = practice_id AND p.state_lgd = practice_attachments.state_lgd
    AND (p.unit_id = (SELECT app_user_unit()) OR app_can_run_meeting(p.state_lgd))));
GRANT SELECT, INSERT ON practice_attachments TO setu_app;
ALTER TABLE practice_attachment_contents ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_contents_visible ON practice_attachment_contents FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM practice_attachments a WHERE a.id = attachment_id));
CREATE POLICY practice_contents_added ON practice_attachment_contents FOR INSERT TO setu_app
  WITH CHECK (EXISTS (SELECT 1 FROM practice_attachments a WHERE a.id = attachment_id));
GRANT SELECT, INSERT ON practice_attachment_contents TO setu_app;

-- ---------------------------------------------------------------- awareness campaigns
CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  station_code text REFERENCES railway_stations (code),
  unit_id uuid NOT NULL REFERENCES units (id),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  medium text NOT NULL CHECK (medium IN ('fm_radio', 'tv', 'newspaper', 'social_media', 'transit_placards')),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  reach integer NOT NULL DEFAULT 0 CHECK (reach BETWEEN 0 AND 500000000),
  languages text[] NOT NULL DEFAULT '{}',
  notes text CHECK (notes IS NULL OR length(notes) <= 2000),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false,
  CONSTRAINT campaigns_dates CHECK (ends_on >= starts_on)
);
CREATE INDEX campaigns_place_idx ON campaigns (state_lgd, district_lgd, starts_on DESC);

ALTER TABLE campaigns ENABLE ROW LEVEL SECURITY;
CREATE POLICY campaigns_visible ON campaigns FOR SELECT TO setu_app
  USING (app_reads_state_coordination(state_lgd));
CREATE POLICY campaigns_recorded ON campaigns FOR INSERT TO setu_app WITH CHECK (
  (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer')
  AND unit_id = (SELECT app_user_unit()) AND app_in_jurisdiction(state_lgd, district_lgd)
);
CREATE POLICY campaigns_changed ON campaigns FOR UPDATE TO setu_app
  USING (unit_id = (SELECT app_user_unit()) OR app_can_run_meeting(state_lgd));
GRANT SELECT, INSERT ON campaigns TO setu_app;
GRANT UPDATE (title, medium, starts_on, ends_on, reach, languages, notes) ON campaigns TO setu_app;

-- Where victims are recruited, per district, for the campaign map: counts only, over every case the
-- caller's scope covers (the State's, or the country's), so a district officer sees the State's pattern.
CREATE FUNCTION campaign_source_districts(p_state integer)
RETURNS TABLE (district_lgd integer, recruitment_events integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.place_district_lgd, count(*)::int
  FROM case_route_events e
  WHERE e.stage = 'recruitment' AND e.place_district_lgd IS NOT NULL
    AND app_reads_state_coordination(e.place_state_lgd)
    AND (p_state IS NULL OR e.place_state_lgd = p_state)
  GROUP BY e.place_district_lgd
$$;
GRANT EXECUTE ON FUNCTION campaign_source_districts(integer) TO setu_app;

-- ---------------------------------------------------------------- public tip line
CREATE TABLE tip_reference_counters (
  year integer PRIMARY KEY,
  last_value integer NOT NULL
);

CREATE TABLE tips (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  routed_unit_id uuid NOT NULL REFERENCES units (id),
  what_seen text NOT NULL CHECK (length(what_seen) BETWEEN 10 AND 4000),
  place_detail text CHECK (place_detail IS NULL OR length(place_detail) <= 300),
  seen_at text CHECK (seen_at IS NULL OR length(seen_at) <= 100),
  -- Given by the tipster on purpose, to be called back; never filled from the request.
  contact text CHECK (contact IS NULL OR length(contact) <= 200),
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'hi')),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'triaged', 'forwarded', 'actioned', 'dismissed')),
  forwarded_to_unit_id uuid REFERENCES units (id),
  triage_note text CHECK (triage_note IS NULL OR length(triage_note) <= 2000),
  updated_by uuid REFERENCES users (id),
  -- A salted hash of the sender's address under a salt that is replaced every day and deleted the day
  -- after: enough to refuse a flood from one source today, never reversible to an address. The app role
  -- cannot read it; no address or user-agent is stored anywhere.
  source_key text CHECK (source_key IS NULL OR source_key ~ '^[0-9a-f]{64}$'),
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false
);
CREATE INDEX tips_unit_idx ON tips (routed_unit_id, status, received_at DESC);
CREATE INDEX tips_place_idx ON tips (state_lgd, district_lgd, received_at DESC);
CREATE INDEX tips_source_idx ON tips (source_key, received_at) WHERE source_key IS NOT NULL;

CREATE TABLE tip_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tip_id uuid NOT NULL REFERENCES tips (id),
  state_lgd integer NOT NULL,
  from_status text,
  to_status text NOT NULL,
  note text CHECK (note IS NULL OR length(note) <= 2000),
  forwarded_to_unit_id uuid REFERENCES units (id),
  by_user_id uuid REFERENCES users (id),
  by_name text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tip_events_tip_idx ON tip_events (tip_id, at);

CREATE TABLE tip_source_salts (
  day date PRIMARY KEY,
  salt text NOT NULL
);

-- Who handles a tip: the unit it was routed or forwarded to, officers of its district, the State nodal
-- officer and auditors of its State, the Nodal Cell.
CREATE FUNCTION app_handles_tip(t_state integer, t_district integer, t_unit uuid, t_forwarded uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    t_unit = (SELECT app_user_unit()) OR t_forwarded = (SELECT app_user_unit())
    OR ((SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer',
          'liaison_officer', 'auditor')
        AND app_in_jurisdiction(t_state, t_district)),
    false)
$$;
GRANT EXECUTE ON FUNCTION app_handles_tip(integer, integer, uuid, uuid) TO setu_app;

ALTER TABLE tips ENABLE ROW LEVEL SECURITY;
CREATE POLICY tips_visible ON tips FOR SELECT TO setu_app
  USING ((SELECT app_user_role()) IS NOT NULL
    AND app_handles_tip(state_lgd, district_lgd, routed_unit_id, forwarded_to_unit_id));
-- The public tip line inserts with no account at all; a signed-in transaction cannot forge a tip.
CREATE POLICY tips_public_insert ON tips FOR INSERT TO setu_app
  WITH CHECK ((SELECT app_user_id()) IS NULL AND status = 'new' AND forwarded_to_unit_id IS NULL);
CREATE POLICY tips_triaged ON tips FOR UPDATE TO setu_app
  USING ((SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'liaison_officer')
    AND app_handles_tip(state_lgd, district_lgd, routed_unit_id, forwarded_to_unit_id));
GRANT SELECT (id, reference, state_lgd, district_lgd, routed_unit_id, what_seen, place_detail, seen_at, contact,
  language, status, forwarded_to_unit_id, triage_note, updated_by, received_at, updated_at, is_demo) ON tips TO setu_app;
GRANT INSERT (id, reference, state_lgd, district_lgd, routed_unit_id, what_seen, place_detail, seen_at, contact,
  language, source_key) ON tips TO setu_app;
GRANT UPDATE (status, forwarded_to_unit_id, triage_note, updated_by, updated_at) ON tips TO setu_app;

ALTER TABLE tip_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tip_events_visible ON tip_events FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM tips t WHERE t.id = tip_id));
CREATE POLICY tip_events_written ON tip_events FOR INSERT TO setu_app
  WITH CHECK ((SELECT app_user_id()) IS NULL OR EXISTS (SELECT 1 FROM tips t WHERE t.id = tip_id));
GRANT SELECT, INSERT ON tip_events TO setu_app;

-- The next tip reference of the year (TIP-2026-000001), for the anonymous caller who cannot read the counter.
CREATE FUNCTION next_tip_reference() RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  y integer := extract(year FROM now())::int;
  n integer;
BEGIN
  INSERT INTO tip_reference_counters (year, last_value) VALUES (y, 1)
  ON CONFLICT (year) DO UPDATE SET last_value = tip_reference_counters.last_value + 1
  RETURNING last_value INTO n;
  RETURN 'TIP-' || y || '-' || lpad(n::text, 6, '0');
END $$;
GRANT EXECUTE ON FUNCTION next_tip_reference() TO setu_app;

-- Today's salted key of a sender's address and how many tips that key has sent today. The salt of the
-- day before yesterday is deleted here, so older keys cannot be matched to an address by anyone.
CREATE FUNCTION tip_source_check(client text) RETURNS TABLE (source_key text, sent_today integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  today date := (now() AT TIME ZONE 'UTC')::date;
  day_salt text;
  key text;
BEGIN
  DELETE FROM tip_source_salts WHERE day < today - 1;
  INSERT INTO tip_source_salts (day, salt)
  VALUES (today, gen_random_uuid()::text || gen_random_uuid()::text)
  ON CONFLICT (day) DO NOTHING;
  SELECT s.salt INTO day_salt FROM tip_source_salts s WHERE s.day = today;
  key := encode(sha256(convert_to(day_salt || '|' || client, 'UTF8')), 'hex');
  RETURN QUERY SELECT key, (SELECT count(*)::int FROM tips t
    WHERE t.source_key = key AND t.received_at >= today::timestamp AT TIME ZONE 'UTC');
END $$;
GRANT EXECUTE ON FUNCTION tip_source_check(text) TO setu_app;
