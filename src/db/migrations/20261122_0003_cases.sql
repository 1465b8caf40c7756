-- Trafficking cases, the people in them, their routes, notes and attachments.
--
-- Victim identity is protected by law (BNS s.72, JJ Act s.74, POCSO s.23): identifying details live in
-- person_identities, which the app role cannot SELECT at all. They are read only through
-- reveal_person_identity(), which checks need-to-know and writes the audit entry in the same statement.

-- ---------------------------------------------------------------- code lists
CREATE TABLE legal_sections (
  code text PRIMARY KEY,                -- e.g. 'BNS-143', 'IPC-370', 'ITPA-5'
  act text NOT NULL,                    -- 'BNS', 'IPC', 'ITPA', 'JJ', 'POCSO', 'BLSA', 'CALPA', 'PCMA', 'THOTA'
  section text NOT NULL,
  title text NOT NULL,
  title_hi text,
  -- The BNS section that replaced an IPC one (in force 1 July 2024), for cases registered before.
  replaced_by text REFERENCES legal_sections (code),
  -- BNSS s.193: charge-sheet due 90 days after arrest for offences punishable with death, life or
  -- imprisonment of 10 years or more, 60 days otherwise.
  charge_sheet_days integer NOT NULL CHECK (charge_sheet_days IN (60, 90)),
  is_trafficking_offence boolean NOT NULL DEFAULT false
);
GRANT SELECT ON legal_sections TO setu_app;

INSERT INTO legal_sections (code, act, section, title, title_hi, charge_sheet_days, is_trafficking_offence) VALUES
  ('BNS-143', 'BNS', '143', 'Trafficking of person', 'व्यक्ति का दुर्व्यापार', 90, true),
  ('BNS-144', 'BNS', '144', 'Exploitation of a trafficked person', 'दुर्व्यापार किए गए व्यक्ति का शोषण', 90, true),
  ('BNS-98', 'BNS', '98', 'Selling child for purposes of prostitution, etc.', 'वेश्यावृत्ति आदि के प्रयोजन के लिए बालक को बेचना', 90, true),
  ('BNS-99', 'BNS', '99', 'Buying child for purposes of prostitution, etc.', 'वेश्यावृत्ति आदि के प्रयोजन के लिए बालक को खरीदना', 90, true),
  ('BNS-96', 'BNS', '96', 'Procuration of child', 'बालक का उपापन', 90, true),
  ('BNS-95', 'BNS', '95', 'Hiring, employing or engaging a child to commit an offence', 'अपराध करने के लिए बालक को भाड़े पर लेना', 60, false),
  ('BNS-137', 'BNS', '137', 'Kidnapping', 'व्यपहरण', 60, false),
  ('BNS-139', 'BNS', '139', 'Kidnapping or maiming a child for purposes of begging', 'भीख मांगने के प्रयोजन के लिए बालक का व्यपहरण या विकलांगीकरण', 90, true),
  ('BNS-141', 'BNS', '141', 'Importation of girl or boy from foreign country', 'विदेश से लड़की या लड़के का आयात', 90, true),
  ('BNS-146', 'BNS', '146', 'Unlawful compulsory labour', 'विधिविरुद्ध अनिवार्य श्रम', 60, true),
  ('BNS-87', 'BNS', '87', 'Kidnapping, abducting or inducing woman to compel her marriage, etc.', 'विवाह आदि के लिए विवश करने हेतु स्त्री का व्यपहरण', 90, true);

INSERT INTO legal_sections (code, act, section, title, title_hi, replaced_by, charge_sheet_days, is_trafficking_offence) VALUES
  ('IPC-370', 'IPC', '370', 'Trafficking of person', 'व्यक्ति का दुर्व्यापार', 'BNS-143', 90, true),
  ('IPC-370A', 'IPC', '370A', 'Exploitation of a trafficked person', 'दुर्व्यापार किए गए व्यक्ति का शोषण', 'BNS-144', 90, true),
  ('IPC-372', 'IPC', '372', 'Selling minor for purposes of prostitution', 'वेश्यावृत्ति के लिए अवयस्क को बेचना', 'BNS-98', 90, true),
  ('IPC-373', 'IPC', '373', 'Buying minor for purposes of prostitution', 'वेश्यावृत्ति के लिए अवयस्क को खरीदना', 'BNS-99', 90, true),
  ('IPC-366A', 'IPC', '366A', 'Procuration of minor girl', 'अवयस्क लड़की का उपापन', 'BNS-96', 90, true),
  ('IPC-366B', 'IPC', '366B', 'Importation of girl from foreign country', 'विदेश से लड़की का आयात', 'BNS-141', 90, true),
  ('IPC-363', 'IPC', '363', 'Kidnapping', 'व्यपहरण', 'BNS-137', 60, false),
  ('IPC-363A', 'IPC', '363A', 'Kidnapping or maiming a minor for begging', 'भीख के लिए अवयस्क का व्यपहरण', 'BNS-139', 90, true),
  ('IPC-366', 'IPC', '366', 'Kidnapping woman to compel her marriage', 'विवाह के लिए स्त्री का व्यपहरण', 'BNS-87', 90, true),
  ('IPC-374', 'IPC', '374', 'Unlawful compulsory labour', 'विधिविरुद्ध अनिवार्य श्रम', 'BNS-146', 60, true);

INSERT INTO legal_sections (code, act, section, title, title_hi, charge_sheet_days, is_trafficking_offence) VALUES
  ('ITPA-3', 'ITPA', '3', 'Keeping a brothel or allowing premises to be used as a brothel', 'वेश्यालय चलाना', 60, true),
  ('ITPA-4', 'ITPA', '4', 'Living on the earnings of prostitution', 'वेश्यावृत्ति की कमाई पर जीवन-यापन', 60, true),
  ('ITPA-5', 'ITPA', '5', 'Procuring, inducing or taking person for the sake of prostitution', 'वेश्यावृत्ति के लिए व्यक्ति का उपापन', 90, true),
  ('ITPA-6', 'ITPA', '6', 'Detaining a person in premises where prostitution is carried on', 'वेश्यावृत्ति स्थल में निरुद्ध रखना', 90, true),
  ('ITPA-7', 'ITPA', '7', 'Prostitution in or in the vicinity of public places', 'सार्वजनिक स्थानों पर वेश्यावृत्ति', 60, true),
  ('ITPA-8', 'ITPA', '8', 'Seducing or soliciting for purpose of prostitution', 'वेश्यावृत्ति के लिए फुसलाना', 60, true),
  ('ITPA-9', 'ITPA', '9', 'Seduction of a person in custody', 'अभिरक्षा में व्यक्ति को फुसलाना', 60, true),
  ('JJ-74', 'JJ', '74', 'Prohibition on disclosure of identity of children', 'बालकों की पहचान प्रकट करने का प्रतिषेध', 60, false),
  ('JJ-75', 'JJ', '75', 'Cruelty to child', 'बालक के प्रति क्रूरता', 60, false),
  ('JJ-76', 'JJ', '76', 'Employment of child for begging', 'भीख मांगने के लिए बालक का नियोजन', 60, true),
  ('JJ-79', 'JJ', '79', 'Exploitation of a child employee', 'बाल कर्मचारी का शोषण', 60, true),
  ('JJ-81', 'JJ', '81', 'Sale and procurement of children for any purpose', 'किसी भी प्रयोजन के लिए बालकों का विक्रय और उपापन', 90, true),
  ('POCSO-4', 'POCSO', '4', 'Penetrative sexual assault', 'प्रवेशन लैंगिक हमला', 90, false),
  ('POCSO-6', 'POCSO', '6', 'Aggravated penetrative sexual assault', 'गुरुतर प्रवेशन लैंगिक हमला', 90, false),
  ('POCSO-8', 'POCSO', '8', 'Sexual assault', 'लैंगिक हमला', 60, false),
  ('POCSO-14', 'POCSO', '14', 'Using child for pornographic purposes', 'अश्लील प्रयोजनों के लिए बालक का उपयोग', 90, true),
  ('POCSO-15', 'POCSO', '15', 'Storage of pornographic material involving child', 'बालक से जुड़ी अश्लील सामग्री का भंडारण', 60, true),
  ('BLSA-16', 'BLSA', '16', 'Enforcing bonded labour', 'बंधुआ श्रम के लिए बाध्य करना', 60, true),
  ('BLSA-17', 'BLSA', '17', 'Advancing bonded debt', 'बंधुआ ऋण देना', 60, true),
  ('BLSA-18', 'BLSA', '18', 'Extracting bonded labour under the bonded labour system', 'बंधुआ श्रम प्रणाली के अधीन श्रम लेना', 60, true),
  ('CALPA-3', 'CALPA', '3', 'Employment of children prohibited', 'बालकों के नियोजन का प्रतिषेध', 60, true),
  ('CALPA-14', 'CALPA', '14', 'Penalties for employing a child or adolescent', 'बालक या किशोर को नियोजित करने पर शास्ति', 60, true),
  ('PCMA-9', 'PCMA', '9', 'Punishment for male adult marrying a child', 'बालिका से विवाह करने वाले वयस्क पुरुष को दंड', 60, true),
  ('PCMA-10', 'PCMA', '10', 'Punishment for solemnising a child marriage', 'बाल विवाह संपन्न कराने पर दंड', 60, true),
  ('PCMA-11', 'PCMA', '11', 'Punishment for promoting or permitting child marriage', 'बाल विवाह को बढ़ावा देने पर दंड', 60, true),
  ('THOTA-18', 'THOTA', '18', 'Removal of human organ without authority', 'बिना प्राधिकार मानव अंग निकालना', 90, true),
  ('THOTA-19', 'THOTA', '19', 'Commercial dealings in human organs', 'मानव अंगों का वाणिज्यिक व्यापार', 90, true);

-- Forms of exploitation: DOMAIN.md's primary list, with the CTDC variable each maps to on export.
CREATE TABLE exploitation_forms (
  code text PRIMARY KEY,
  title text NOT NULL,
  title_hi text NOT NULL,
  ctdc_variable text NOT NULL,
  ncrb_purpose text NOT NULL
);
GRANT SELECT ON exploitation_forms TO setu_app;
INSERT INTO exploitation_forms (code, title, title_hi, ctdc_variable, ncrb_purpose) VALUES
  ('forced_labour', 'Forced labour', 'बलात श्रम', 'isForcedLabour', 'forced_labour'),
  ('bonded_labour', 'Bonded labour', 'बंधुआ श्रम', 'isForcedLabour', 'forced_labour'),
  ('child_labour', 'Child labour', 'बाल श्रम', 'isForcedLabour', 'forced_labour'),
  ('sexual_exploitation', 'Sexual exploitation / prostitution', 'यौन शोषण / वेश्यावृत्ति', 'isSexualExploit', 'sexual_exploitation'),
  ('child_sexual_abuse_material', 'Child sexual abuse material', 'बाल यौन शोषण सामग्री', 'isSexualExploit', 'child_pornography'),
  ('forced_marriage', 'Forced marriage', 'बलात विवाह', 'isForcedMarriage', 'forced_marriage'),
  ('domestic_servitude', 'Domestic servitude', 'घरेलू दासता', 'isForcedLabour', 'domestic_servitude'),
  ('forced_begging', 'Forced begging', 'बलात भिक्षावृत्ति', 'isOtherExploit', 'begging'),
  ('organ_removal', 'Organ removal / organ trade', 'अंग निकालना / अंग व्यापार', 'isOrganRemoval', 'other'),
  ('drug_couriers', 'Drug couriers', 'मादक पदार्थ वाहक', 'isOtherExploit', 'petty_crimes'),
  ('arms_smuggling', 'Arms smuggling', 'हथियार तस्करी', 'isOtherExploit', 'petty_crimes'),
  ('other_illicit_activity', 'Other illicit activity', 'अन्य अवैध गतिविधि', 'isOtherExploit', 'petty_crimes'),
  ('other', 'Other', 'अन्य', 'isOtherExploit', 'other');

-- ---------------------------------------------------------------- cases
CREATE TYPE case_kind AS ENUM ('fir', 'rescue_operation', 'interception', 'complaint', 'missing_person_linked');
CREATE TYPE case_status AS ENUM (
  'registered', 'under_investigation', 'charge_sheeted', 'on_trial',
  'convicted', 'acquitted', 'discharged', 'closed_final_report'
);

CREATE TABLE case_reference_counters (
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (state_lgd, year)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Human reference like BR-2024-000123 (State, year registered, number).
  reference text NOT NULL UNIQUE,
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  registering_unit_id uuid NOT NULL REFERENCES units (id),
  police_station_unit_id uuid REFERENCES units (id),
  police_station_name text,
  kind case_kind NOT NULL,
  fir_number text,
  fir_date date,
  registered_on date NOT NULL,
  status case_status NOT NULL DEFAULT 'registered',
  status_changed_on date NOT NULL,
  investigating_officer_id uuid REFERENCES users (id),
  investigating_officer_name text,
  exploitation_forms text[] NOT NULL DEFAULT '{}',
  legal_sections text[] NOT NULL DEFAULT '{}',
  first_arrest_on date,
  charge_sheet_due_on date,
  charge_sheeted_on date,
  -- Derived from the route: a route that crosses a State border or a national border.
  is_inter_state boolean NOT NULL DEFAULT false,
  is_cross_border boolean NOT NULL DEFAULT false,
  title text NOT NULL,
  summary text,
  is_demo boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT cases_fir_needs_number CHECK (kind <> 'fir' OR fir_number IS NOT NULL),
  CONSTRAINT cases_fir_date_not_future CHECK (fir_date IS NULL OR fir_date <= registered_on + 1)
);
CREATE INDEX cases_scope_idx ON cases (state_lgd, district_lgd, registered_on DESC);
CREATE INDEX cases_registered_idx ON cases (registered_on DESC, id);
CREATE INDEX cases_unit_idx ON cases (registering_unit_id, status);
CREATE INDEX cases_status_idx ON cases (status, charge_sheet_due_on);
CREATE INDEX cases_forms_idx ON cases USING gin (exploitation_forms);
CREATE INDEX cases_sections_idx ON cases USING gin (legal_sections);
CREATE INDEX cases_search_trgm ON cases USING gin ((lower(reference || ' ' || coalesce(fir_number, '') || ' ' || title)) gin_trgm_ops);

-- Units assisting a case (and NGOs a case is referred to) see it; identity only when the investigating
-- officer or station officer authorised it, with a recorded reason.
CREATE TABLE case_shares (
  case_id uuid NOT NULL REFERENCES cases (id),
  unit_id uuid NOT NULL REFERENCES units (id),
  purpose text NOT NULL CHECK (purpose IN ('assisting', 'referral', 'investigation_transfer')),
  identity_access boolean NOT NULL DEFAULT false,
  reason text NOT NULL,
  granted_by uuid NOT NULL REFERENCES users (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (case_id, unit_id)
);
CREATE INDEX case_shares_unit_idx ON case_shares (unit_id) WHERE revoked_at IS NULL;

CREATE TABLE case_links (
  case_id uuid NOT NULL REFERENCES cases (id),
  linked_case_id uuid NOT NULL REFERENCES cases (id),
  relation text NOT NULL CHECK (relation IN ('same_network', 'same_accused', 'same_victim', 'follow_up', 'transferred', 'related')),
  note text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, linked_case_id),
  CHECK (case_id <> linked_case_id)
);

CREATE TABLE case_status_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  state_lgd integer NOT NULL,
  status case_status NOT NULL,
  effective_on date NOT NULL,
  note text,
  recorded_by uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_status_events_case_idx ON case_status_events (case_id, effective_on);

CREATE TABLE case_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  state_lgd integer NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  author_id uuid REFERENCES users (id),
  author_unit_id uuid REFERENCES units (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_notes_case_idx ON case_notes (case_id, created_at);

-- ---------------------------------------------------------------- people in a case
CREATE TYPE person_role AS ENUM ('victim', 'accused', 'rescuer', 'witness', 'complainant');
CREATE TYPE person_sex AS ENUM ('female', 'male', 'transgender', 'unknown');

-- What everyone entitled to the case may see: no name, photo, address, contacts or relatives.
CREATE TABLE case_persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  state_lgd integer NOT NULL,
  role person_role NOT NULL,
  -- Stable pseudonymous reference shown wherever identity is masked, e.g. V-7KQ2.
  pseudonym text NOT NULL,
  -- Shown with the case for accused, rescuers and complainants; never kept here for victims and witnesses.
  display_name text,
  sex person_sex NOT NULL DEFAULT 'unknown',
  age_years integer CHECK (age_years BETWEEN 0 AND 120),
  -- The date the age refers to (date of birth known: age at registration; else when it was estimated).
  age_on date,
  age_is_estimate boolean NOT NULL DEFAULT true,
  nationality text NOT NULL DEFAULT 'IN' CHECK (nationality ~ '^[A-Z]{2}$'),
  home_district_lgd integer REFERENCES districts (lgd_code),
  -- Accused only.
  accused_role text CHECK (accused_role IN ('recruiter', 'transporter', 'harbourer', 'buyer', 'exploiter', 'financier', 'other')),
  arrest_status text CHECK (arrest_status IN ('not_arrested', 'arrested', 'absconding', 'surrendered')),
  arrested_on date,
  bail_status text CHECK (bail_status IN ('not_applied', 'granted', 'rejected', 'cancelled')),
  custody_status text CHECK (custody_status IN ('police', 'judicial', 'released', 'none')),
  -- Victims only.
  rescued_on date,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, pseudonym),
  CONSTRAINT case_persons_protected_unnamed CHECK (role NOT IN ('victim', 'witness') OR display_name IS NULL)
);
CREATE INDEX case_persons_name_trgm ON case_persons USING gin (lower(display_name) gin_trgm_ops) WHERE display_name IS NOT NULL;
CREATE INDEX case_persons_case_idx ON case_persons (case_id, role);
CREATE INDEX case_persons_state_idx ON case_persons (state_lgd, role);

-- Identifying details. No SELECT for the app role: read through reveal_person_identity() only.
CREATE TABLE person_identities (
  person_id uuid PRIMARY KEY REFERENCES case_persons (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  name text NOT NULL,
  aliases text[] NOT NULL DEFAULT '{}',
  date_of_birth date,
  father_name text,
  mother_name text,
  spouse_name text,
  address text,
  phones text[] NOT NULL DEFAULT '{}',
  id_document_type text CHECK (id_document_type IN ('aadhaar', 'voter_id', 'passport', 'ration_card', 'driving_licence', 'pan', 'birth_certificate', 'school_certificate', 'nepal_citizenship', 'other')),
  -- Only the last four characters are kept; the full number is never stored.
  id_number_last4 text CHECK (id_number_last4 ~ '^[A-Za-z0-9]{1,4}$'),
  photo_attachment_id uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_identities_case_idx ON person_identities (case_id);

-- ---------------------------------------------------------------- route
CREATE TYPE route_stage AS ENUM ('recruitment', 'transit', 'exploitation', 'rescue');
CREATE TYPE place_kind AS ENUM ('district', 'station', 'border_crossing', 'foreign_country');

CREATE TABLE case_route_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  state_lgd integer NOT NULL,
  position integer NOT NULL CHECK (position >= 1),
  stage route_stage NOT NULL,
  place_kind place_kind NOT NULL,
  -- The place, at its most precise; place_district_lgd/place_state_lgd are derived for analytics.
  district_lgd integer REFERENCES districts (lgd_code),
  station_code text REFERENCES railway_stations (code),
  border_crossing_locode text REFERENCES border_crossings (locode),
  country_code text CHECK (country_code ~ '^[A-Z]{2}$'),
  place_state_lgd integer REFERENCES states (lgd_code),
  place_district_lgd integer REFERENCES districts (lgd_code),
  place_note text,
  occurred_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, position),
  CONSTRAINT route_place_given CHECK (
    (place_kind = 'district' AND district_lgd IS NOT NULL)
    OR (place_kind = 'station' AND station_code IS NOT NULL)
    OR (place_kind = 'border_crossing' AND border_crossing_locode IS NOT NULL)
    OR (place_kind = 'foreign_country' AND country_code IS NOT NULL AND country_code <> 'IN')
  )
);
CREATE INDEX case_route_events_place_idx ON case_route_events (place_district_lgd, stage);
CREATE INDEX case_route_events_state_idx ON case_route_events (place_state_lgd, stage);

-- ---------------------------------------------------------------- attachments
CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  state_lgd integer NOT NULL,
  person_id uuid REFERENCES case_persons (id),
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- A victim's photo is identity: served only to those who may reveal identity, and audited.
  is_identity boolean NOT NULL DEFAULT false,
  description text,
  uploaded_by uuid REFERENCES users (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_case_idx ON attachments (case_id);
CREATE TABLE attachment_contents (
  attachment_id uuid PRIMARY KEY REFERENCES attachments (id),
  content bytea NOT NULL
);
ALTER TABLE person_identities ADD CONSTRAINT person_identities_photo_fk
  FOREIGN KEY (photo_attachment_id) REFERENCES attachments (id);

-- ---------------------------------------------------------------- need-to-know
-- How the current actor stands to a case: 'owner' (registering or police-station unit, or the
-- investigating officer), 'assisting_identity' / 'assisting' (shared with their unit, with or without
-- identity access), 'jurisdiction' (the case lies in their State or district, or they are national), or NULL.
CREATE FUNCTION app_case_standing(target_case uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE
    WHEN c.registering_unit_id = app_user_unit() OR c.police_station_unit_id = app_user_unit()
      OR c.investigating_officer_id = app_user_id() THEN 'owner'
    WHEN s.identity_access THEN 'assisting_identity'
    WHEN s.unit_id IS NOT NULL THEN 'assisting'
    WHEN app_user_role() IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'liaison_officer', 'auditor')
      AND app_in_jurisdiction(c.state_lgd, c.district_lgd) THEN 'jurisdiction'
    ELSE NULL
  END
  FROM cases c
  LEFT JOIN case_shares s ON s.case_id = c.id AND s.unit_id = app_user_unit() AND s.revoked_at IS NULL
  WHERE c.id = target_case
$$;

-- Who may change a case: its own unit's officers, and the State nodal officer of its State.
CREATE FUNCTION app_can_edit_case(target_case uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(
    (app_case_standing(target_case) = 'owner' AND app_user_role() IN ('district_officer', 'state_nodal_officer', 'liaison_officer'))
    OR (app_user_role() = 'state_nodal_officer'
        AND EXISTS (SELECT 1 FROM cases c WHERE c.id = target_case AND app_in_jurisdiction(c.state_lgd, c.district_lgd))),
    false)
$$;

-- Cases shared with the actor's unit, read past case_shares' own policy (which refers back to cases).
CREATE FUNCTION app_shared_case_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(case_id), '{}') FROM case_shares WHERE unit_id = app_user_unit() AND revoked_at IS NULL
$$;

GRANT EXECUTE ON FUNCTION app_case_standing(uuid), app_can_edit_case(uuid), app_shared_case_ids() TO setu_app;

-- Cases visible: in jurisdiction for the enforcement and oversight roles, or shared with the actor's unit.
-- Written inline (not through app_case_standing) so the planner can use the scope index on large lists.
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY cases_visible ON cases FOR SELECT TO setu_app USING (
  (
    (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'liaison_officer', 'auditor')
    AND app_in_jurisdiction(state_lgd, district_lgd)
  )
  OR registering_unit_id = (SELECT app_user_unit())
  OR police_station_unit_id = (SELECT app_user_unit())
  OR id = ANY ((SELECT app_shared_case_ids())::uuid[])
);
CREATE POLICY cases_created ON cases FOR INSERT TO setu_app WITH CHECK (
  (SELECT app_user_role()) IN ('district_officer', 'state_nodal_officer', 'liaison_officer')
  AND app_in_jurisdiction(state_lgd, district_lgd)
  AND (registering_unit_id = (SELECT app_user_unit()) OR (SELECT app_user_role()) = 'state_nodal_officer')
);
CREATE POLICY cases_edited ON cases FOR UPDATE TO setu_app USING (app_can_edit_case(id)) WITH CHECK (app_can_edit_case(id));
GRANT SELECT, INSERT ON cases TO setu_app;
GRANT UPDATE (police_station_unit_id, police_station_name, kind, fir_number, fir_date, status, status_changed_on,
  investigating_officer_id, investigating_officer_name, exploitation_forms, legal_sections, first_arrest_on,
  charge_sheet_due_on, charge_sheeted_on, is_inter_state, is_cross_border, title, summary, updated_at, version)
  ON cases TO setu_app;

-- Case-child tables: visible with the case, written by those who may edit it.
ALTER TABLE case_persons ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_persons_visible ON case_persons FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_persons.case_id));
CREATE POLICY case_persons_written ON case_persons FOR INSERT TO setu_app WITH CHECK (app_can_edit_case(case_id));
CREATE POLICY case_persons_edited ON case_persons FOR UPDATE TO setu_app USING (app_can_edit_case(case_id));
GRANT SELECT, INSERT, UPDATE ON case_persons TO setu_app;

ALTER TABLE person_identities ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_identities_written ON person_identities FOR INSERT TO setu_app WITH CHECK (app_can_edit_case(case_id));
CREATE POLICY person_identities_edited ON person_identities FOR UPDATE TO setu_app USING (app_can_edit_case(case_id));
-- Only the key columns are selectable (UPDATE … WHERE person_id = … needs them); never the identity itself.
GRANT SELECT (person_id, case_id) ON person_identities TO setu_app;
GRANT INSERT ON person_identities TO setu_app;
GRANT UPDATE (name, aliases, date_of_birth, father_name, mother_name, spouse_name, address, phones,
  id_document_type, id_number_last4, photo_attachment_id, updated_at) ON person_identities TO setu_app;
CREATE POLICY person_identities_keys ON person_identities FOR SELECT TO setu_app
  USING (app_can_edit_case(case_id));

ALTER TABLE case_route_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_route_visible ON case_route_events FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_route_events.case_id));
CREATE POLICY case_route_written ON case_route_events FOR ALL TO setu_app
  USING (app_can_edit_case(case_id)) WITH CHECK (app_can_edit_case(case_id));
GRANT SELECT, INSERT, UPDATE, DELETE ON case_route_events TO setu_app;

ALTER TABLE case_status_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_status_visible ON case_status_events FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_status_events.case_id));
CREATE POLICY case_status_written ON case_status_events FOR INSERT TO setu_app WITH CHECK (app_can_edit_case(case_id));
GRANT SELECT, INSERT ON case_status_events TO setu_app;

-- Notes: anyone who can see the case and is not only a reader may add one (assisting units report back).
ALTER TABLE case_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_notes_visible ON case_notes FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_notes.case_id));
CREATE POLICY case_notes_written ON case_notes FOR INSERT TO setu_app WITH CHECK (
  author_id = app_user_id()
  AND app_case_standing(case_id) IN ('owner', 'assisting', 'assisting_identity')
  OR app_can_edit_case(case_id)
);
GRANT SELECT, INSERT ON case_notes TO setu_app;

ALTER TABLE case_shares ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_shares_visible ON case_shares FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_shares.case_id));
CREATE POLICY case_shares_written ON case_shares FOR ALL TO setu_app
  USING (app_can_edit_case(case_id)) WITH CHECK (app_can_edit_case(case_id));
GRANT SELECT, INSERT, UPDATE ON case_shares TO setu_app;

ALTER TABLE case_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_links_visible ON case_links FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_links.case_id));
CREATE POLICY case_links_written ON case_links FOR ALL TO setu_app
  USING (app_can_edit_case(case_id)) WITH CHECK (app_can_edit_case(case_id));
GRANT SELECT, INSERT, DELETE ON case_links TO setu_app;

ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY attachments_visible ON attachments FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = attachments.case_id));
CREATE POLICY attachments_written ON attachments FOR INSERT TO setu_app WITH CHECK (
  app_can_edit_case(case_id) OR app_case_standing(case_id) IN ('assisting', 'assisting_identity')
);
GRANT SELECT, INSERT ON attachments TO setu_app;
-- Contents: read through read_attachment() (identity photos need a reveal); written with the row.
GRANT INSERT ON attachment_contents TO setu_app;

GRANT USAGE ON SEQUENCE case_status_events_id_seq TO setu_app;
GRANT SELECT, INSERT, UPDATE ON case_reference_counters TO setu_app;

-- ---------------------------------------------------------------- reading identity
-- Returns identifying details to an actor with need-to-know, and audits the view in the same call.
-- Victims and witnesses need a stated reason; accused, rescuers and complainants are shown to anyone
-- who may see the case (their identity is not protected by the victim-identity laws), still audited.
CREATE FUNCTION reveal_person_identity(target_person uuid, view_reason text, client_ip text)
RETURNS TABLE (
  name text, aliases text[], date_of_birth date, father_name text, mother_name text, spouse_name text,
  address text, phones text[], id_document_type text, id_number_last4 text, photo_attachment_id uuid
)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  person case_persons;
  standing text;
  protected boolean;
  actor users;
BEGIN
  SELECT * INTO person FROM case_persons WHERE id = target_person;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'person not found' USING ERRCODE = 'no_data_found';
  END IF;
  standing := app_case_standing(person.case_id);
  SELECT * INTO actor FROM users WHERE id = app_user_id();
  protected := person.role IN ('victim', 'witness');
  IF standing IS NULL THEN
    RAISE EXCEPTION 'person not found' USING ERRCODE = 'no_data_found';
  END IF;
  -- A refusal rolls this transaction back; the API records it in the audit trail separately.
  IF protected AND standing NOT IN ('owner', 'assisting_identity') THEN
    RAISE EXCEPTION 'identity not authorised' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF protected AND (view_reason IS NULL OR length(btrim(view_reason)) < 5) THEN
    RAISE EXCEPTION 'a reason is required' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO audit_log (actor_user_id, actor_username, actor_unit_id, action, object_type, object_id, outcome, reason, client_ip, details)
  VALUES (actor.id, actor.username, actor.unit_id, 'person.reveal_identity', 'case_person', target_person::text, 'success',
          view_reason, client_ip, jsonb_build_object('caseId', person.case_id, 'role', person.role, 'standing', standing));
  RETURN QUERY SELECT i.name, i.aliases, i.date_of_birth, i.father_name, i.mother_name, i.spouse_name, i.address,
    i.phones, i.id_document_type, i.id_number_last4, i.photo_attachment_id
  FROM person_identities i WHERE i.person_id = target_person;
END $$;
GRANT EXECUTE ON FUNCTION reveal_person_identity(uuid, text, text) TO setu_app;

-- Attachment bytes: an identity photo follows the same rule and is audited; other files need only the case.
CREATE FUNCTION read_attachment(target uuid, view_reason text, client_ip text)
RETURNS TABLE (file_name text, content_type text, size_bytes integer, sha256 text, content bytea)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  att attachments;
  standing text;
  actor users;
BEGIN
  SELECT * INTO att FROM attachments WHERE id = target;
  IF NOT FOUND THEN RAISE EXCEPTION 'attachment not found' USING ERRCODE = 'no_data_found'; END IF;
  standing := app_case_standing(att.case_id);
  IF standing IS NULL THEN RAISE EXCEPTION 'attachment not found' USING ERRCODE = 'no_data_found'; END IF;
  SELECT * INTO actor FROM users WHERE id = app_user_id();
  IF att.is_identity AND standing NOT IN ('owner', 'assisting_identity') THEN
    RAISE EXCEPTION 'identity not authorised' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF att.is_identity AND (view_reason IS NULL OR length(btrim(view_reason)) < 5) THEN
    RAISE EXCEPTION 'a reason is required' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  INSERT INTO audit_log (actor_user_id, actor_username, actor_unit_id, action, object_type, object_id, outcome, reason, client_ip, details)
  VALUES (actor.id, actor.username, actor.unit_id, 'attachment.read', 'attachment', target::text, 'success',
          view_reason, client_ip, jsonb_build_object('caseId', att.case_id, 'identity', att.is_identity));
  RETURN QUERY SELECT att.file_name, att.content_type, att.size_bytes, att.sha256, c.content
  FROM attachment_contents c WHERE c.attachment_id = target;
END $$;
GRANT EXECUTE ON FUNCTION read_attachment(uuid, text, text) TO setu_app;
