-- Person linkage inside Setu: every new or changed case person is matched against every stored person in
-- every State (src/modules/linkage/matcher.ts, with system rights), candidates wait in a review queue, and
-- confirmed or auto-linked pairs join a person identity with a stable id and a merge/split history.
--
-- The prepared records and blocking keys are derived from identifying details, so the app role gets no
-- grant on them at all. Reviewers read pairs through linkage_candidates (their own side under the cases'
-- Row-Level Security) and the other side through SECURITY DEFINER functions that return pseudonymous facts
-- only; a victim's name is shown solely through reveal_person_identity(), with its need-to-know check.

-- ---------------------------------------------------------------- model
-- The Fellegi–Sunter parameters the matcher scores with (src/linkage/model.ts, as JSON). One is active;
-- older ones stay for the record of which model proposed which pair.
CREATE TABLE linkage_models (
  id serial PRIMARY KEY,
  model jsonb NOT NULL,
  is_active boolean NOT NULL DEFAULT false,
  trained_on_records integer NOT NULL DEFAULT 0,
  labelled_pairs integer NOT NULL DEFAULT 0,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX linkage_models_one_active ON linkage_models (is_active) WHERE is_active;

-- ---------------------------------------------------------------- queue
-- Filled by triggers in the same transaction as the write, drained by the matcher after commit: a write
-- never waits for matching and never fails because of it, and nothing is lost if the process stops.
CREATE TABLE linkage_queue (
  person_id uuid PRIMARY KEY REFERENCES case_persons (id),
  enqueued_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  -- A worker's lease: no other worker takes the person before it runs out.
  claimed_until timestamptz,
  last_error text
);
CREATE INDEX linkage_queue_order_idx ON linkage_queue (attempts, enqueued_at);

CREATE FUNCTION linkage_enqueue_person() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  person uuid;
BEGIN
  -- Separate branches: plpgsql resolves a record field even in the branch of a CASE that is not taken.
  IF TG_TABLE_NAME = 'case_persons' THEN
    person := NEW.id;
  ELSE
    person := NEW.person_id;
  END IF;
  INSERT INTO linkage_queue (person_id) VALUES (person)
  ON CONFLICT (person_id) DO UPDATE SET enqueued_at = now(), attempts = 0, last_error = NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER case_persons_linkage AFTER INSERT OR UPDATE ON case_persons
  FOR EACH ROW EXECUTE FUNCTION linkage_enqueue_person();
CREATE TRIGGER person_identities_linkage AFTER INSERT OR UPDATE ON person_identities
  FOR EACH ROW EXECUTE FUNCTION linkage_enqueue_person();

-- ---------------------------------------------------------------- stored records and blocking keys
CREATE TABLE linkage_records (
  seq bigserial PRIMARY KEY,
  person_id uuid NOT NULL UNIQUE REFERENCES case_persons (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  state_lgd integer NOT NULL,
  role person_role NOT NULL,
  -- The engine's PreparedRecord: normalised, transliterated names and phonetic keys.
  prepared jsonb NOT NULL,
  -- The record's keys in linkage_keys, so a changed record's old keys can be removed by primary key.
  key_hashes bigint[] NOT NULL DEFAULT '{}',
  identity_id text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX linkage_records_identity_idx ON linkage_records (identity_id) WHERE identity_id IS NOT NULL;

-- One row per (blocking key, record): candidate retrieval for one new record is one index range scan per
-- key. Keys are 53-bit hashes of "rule:key" (a collision only adds a candidate, which scoring rejects).
-- No foreign key: at a million records this table holds tens of millions of rows, and the matcher is its
-- only writer.
CREATE TABLE linkage_keys (
  key_hash bigint NOT NULL,
  record_seq bigint NOT NULL,
  PRIMARY KEY (key_hash, record_seq)
);

-- ---------------------------------------------------------------- candidate pairs and decisions
CREATE TABLE linkage_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_a uuid NOT NULL REFERENCES case_persons (id),
  person_b uuid NOT NULL REFERENCES case_persons (id),
  case_a uuid NOT NULL REFERENCES cases (id),
  case_b uuid NOT NULL REFERENCES cases (id),
  state_a integer NOT NULL,
  state_b integer NOT NULL,
  probability double precision NOT NULL CHECK (probability BETWEEN 0 AND 1),
  weight double precision NOT NULL,
  tier text NOT NULL CHECK (tier IN ('auto_link', 'review')),
  -- Per field: level and log2 Bayes factor (no values, so it is safe to show whoever sees the pair).
  explanation jsonb NOT NULL,
  model_id integer REFERENCES linkage_models (id),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'unsure', 'confirmed', 'rejected', 'auto_linked', 'withdrawn')),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_reason text,
  -- When identities last reflected this pair's status; older than decided_at = the matcher must re-cluster.
  clustered_at timestamptz,
  alert_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_a, person_b),
  CONSTRAINT linkage_candidates_ordered CHECK (person_a < person_b)
);
CREATE INDEX linkage_candidates_queue_idx ON linkage_candidates (status, probability DESC);
CREATE INDEX linkage_candidates_person_b_idx ON linkage_candidates (person_b);
CREATE INDEX linkage_candidates_case_a_idx ON linkage_candidates (case_a);
CREATE INDEX linkage_candidates_case_b_idx ON linkage_candidates (case_b);
CREATE INDEX linkage_candidates_unclustered_idx ON linkage_candidates (decided_at)
  WHERE decided_at IS NOT NULL AND (clustered_at IS NULL OR clustered_at < decided_at);

-- Every reviewer decision, kept (the candidate holds only the latest): labelled pairs for re-estimation.
CREATE TABLE linkage_decisions (
  id bigserial PRIMARY KEY,
  candidate_id uuid NOT NULL REFERENCES linkage_candidates (id),
  decision text NOT NULL CHECK (decision IN ('confirmed', 'rejected', 'unsure')),
  reason text NOT NULL CHECK (length(btrim(reason)) >= 5),
  decided_by uuid NOT NULL REFERENCES users (id),
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX linkage_decisions_candidate_idx ON linkage_decisions (candidate_id, decided_at);

-- ---------------------------------------------------------------- identities
CREATE TABLE linkage_identities (
  id text PRIMARY KEY,
  records integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE linkage_identity_events (
  id bigserial PRIMARY KEY,
  identity_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('create', 'grow', 'merge', 'split')),
  -- Person ids added, identity ids absorbed or split off.
  detail jsonb NOT NULL,
  candidate_id uuid,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX linkage_identity_events_identity_idx ON linkage_identity_events (identity_id, at);
-- Next identity number; one row, locked while identities change so ids are never issued twice.
CREATE TABLE linkage_counters (
  name text PRIMARY KEY,
  value bigint NOT NULL
);
INSERT INTO linkage_counters (name, value) VALUES ('identity', 1);

-- ---------------------------------------------------------------- access for the app role
-- Who reviews: district AHTU officers, State nodal officers and Nodal Cell analysts, for pairs that have
-- at least one side in a case they may see (cases' own policy decides that).
ALTER TABLE linkage_candidates ENABLE ROW LEVEL SECURITY;
CREATE POLICY linkage_candidates_visible ON linkage_candidates FOR SELECT TO setu_app USING (
  (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer')
  AND (EXISTS (SELECT 1 FROM cases c WHERE c.id = linkage_candidates.case_a)
       OR EXISTS (SELECT 1 FROM cases c WHERE c.id = linkage_candidates.case_b))
);
CREATE POLICY linkage_candidates_decided ON linkage_candidates FOR UPDATE TO setu_app USING (
  (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer')
  AND (EXISTS (SELECT 1 FROM cases c WHERE c.id = linkage_candidates.case_a)
       OR EXISTS (SELECT 1 FROM cases c WHERE c.id = linkage_candidates.case_b))
);
GRANT SELECT ON linkage_candidates TO setu_app;
GRANT UPDATE (status, decided_by, decided_at, decision_reason, updated_at) ON linkage_candidates TO setu_app;

ALTER TABLE linkage_decisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY linkage_decisions_visible ON linkage_decisions FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM linkage_candidates k WHERE k.id = linkage_decisions.candidate_id));
CREATE POLICY linkage_decisions_written ON linkage_decisions FOR INSERT TO setu_app WITH CHECK (
  decided_by = (SELECT app_user_id())
  AND EXISTS (SELECT 1 FROM linkage_candidates k WHERE k.id = linkage_decisions.candidate_id)
);
GRANT SELECT, INSERT ON linkage_decisions TO setu_app;
GRANT USAGE ON SEQUENCE linkage_decisions_id_seq TO setu_app;

-- The system-only tables: RLS on and no policy, so even a stray grant would show nothing.
ALTER TABLE linkage_models ENABLE ROW LEVEL SECURITY;
ALTER TABLE linkage_queue ENABLE ROW LEVEL SECURITY;
ALTER TABLE linkage_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE linkage_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE linkage_identities ENABLE ROW LEVEL SECURITY;
ALTER TABLE linkage_identity_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE linkage_counters ENABLE ROW LEVEL SECURITY;

-- Pseudonymous facts about the persons of a set of records, with how the actor stands to each case.
-- Never a victim's or witness's name; an accused person's name only to those who see the case anyway.
CREATE FUNCTION linkage_person_facts(persons uuid[])
RETURNS TABLE (
  person_id uuid, case_id uuid, case_reference text, state_lgd integer, state_name text, district_lgd integer,
  district_name text, unit_id uuid, unit_name text, role person_role, pseudonym text, display_name text,
  sex person_sex, age_years integer, age_is_estimate boolean, standing text, identity_id text
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, c.id, c.reference, c.state_lgd, st.name, c.district_lgd, d.name, u.id, u.name, p.role, p.pseudonym,
    CASE WHEN p.role IN ('victim', 'witness') OR app_case_standing(c.id) IS NULL THEN NULL ELSE p.display_name END,
    p.sex, p.age_years, p.age_is_estimate, app_case_standing(c.id), r.identity_id
  FROM case_persons p
  JOIN cases c ON c.id = p.case_id
  JOIN units u ON u.id = c.registering_unit_id
  LEFT JOIN states st ON st.lgd_code = c.state_lgd
  LEFT JOIN districts d ON d.lgd_code = c.district_lgd
  LEFT JOIN linkage_records r ON r.person_id = p.id
  WHERE p.id = ANY (persons)
$$;

-- Both sides of a candidate the actor may review (else no rows).
CREATE FUNCTION linkage_candidate_sides(target uuid)
RETURNS TABLE (
  side text, person_id uuid, case_id uuid, case_reference text, state_lgd integer, state_name text,
  district_lgd integer, district_name text, unit_id uuid, unit_name text, role person_role, pseudonym text,
  display_name text, sex person_sex, age_years integer, age_is_estimate boolean, standing text, identity_id text
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE WHEN f.person_id = k.person_a THEN 'a' ELSE 'b' END, f.*
  FROM linkage_candidates k
  CROSS JOIN LATERAL linkage_person_facts(ARRAY[k.person_a, k.person_b]) f
  WHERE k.id = target
    AND app_user_role() IN ('national_analyst', 'state_nodal_officer', 'district_officer')
    AND (app_case_standing(k.case_a) IS NOT NULL OR app_case_standing(k.case_b) IS NOT NULL)
$$;

-- The records of a person's identity (the person alone when unlinked), for an actor who may see the person.
CREATE FUNCTION linkage_identity_records(target_person uuid)
RETURNS TABLE (
  person_id uuid, case_id uuid, case_reference text, state_lgd integer, state_name text, district_lgd integer,
  district_name text, unit_id uuid, unit_name text, role person_role, pseudonym text, display_name text,
  sex person_sex, age_years integer, age_is_estimate boolean, standing text, identity_id text
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT f.* FROM linkage_person_facts(ARRAY(
    SELECT target_person
    UNION
    SELECT r2.person_id FROM linkage_records r JOIN linkage_records r2 ON r2.identity_id = r.identity_id
    WHERE r.person_id = target_person
  )) f
  WHERE app_user_role() IN ('national_analyst', 'state_nodal_officer', 'district_officer')
    AND EXISTS (SELECT 1 FROM case_persons p WHERE p.id = target_person AND app_case_standing(p.case_id) IS NOT NULL)
$$;

-- The merge/split history of the identity a visible person belongs to.
CREATE FUNCTION linkage_identity_history(target_person uuid)
RETURNS TABLE (identity_id text, kind text, detail jsonb, candidate_id uuid, at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.identity_id, e.kind, e.detail, e.candidate_id, e.at
  FROM linkage_records r JOIN linkage_identity_events e
    ON e.identity_id = r.identity_id OR e.detail -> 'absorbed' ? r.identity_id OR e.detail -> 'into' ? r.identity_id
  WHERE r.person_id = target_person
    AND app_user_role() IN ('national_analyst', 'state_nodal_officer', 'district_officer')
    AND EXISTS (SELECT 1 FROM case_persons p WHERE p.id = target_person AND app_case_standing(p.case_id) IS NOT NULL)
  ORDER BY e.at, e.id
$$;

REVOKE EXECUTE ON FUNCTION linkage_person_facts(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION linkage_candidate_sides(uuid), linkage_identity_records(uuid),
  linkage_identity_history(uuid) TO setu_app;
