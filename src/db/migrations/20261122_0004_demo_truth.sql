-- Ground truth for the synthetic demo cases: which case_persons rows are the same real (synthetic) person,
-- recorded under spellings that differ between States. Person-linkage tests and benchmarks measure
-- precision and recall against it. Deliberately no grant to setu_app: the truth must never reach the
-- API or the linkage engine itself, only the owner role that tests and benchmarks connect as.
CREATE TABLE demo_truth (
  person_id uuid PRIMARY KEY REFERENCES case_persons (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  -- Equal keys = the same person. Every demo person has a row, so singletons are true non-matches.
  identity_key text NOT NULL,
  role person_role NOT NULL
);
CREATE INDEX demo_truth_identity_idx ON demo_truth (identity_key);
