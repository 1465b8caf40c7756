/**
 * Built-in parameters for inputs too small to estimate a model from (a few hundred records cannot
 * show EM what strangers look like). m and u are rounded from the model trained on 20,000 generated
 * Indian records (bench/linkage); λ assumes one record in five has a duplicate, so a small file's pairs
 * are judged by their evidence rather than by an estimate of the prior they cannot support.
 */
import type { FieldName } from './fields.ts';
import type { LinkageModel } from './model.ts';
import { normaliseToken } from './normalise.ts';
import { phoneticKey } from './phonetic.ts';
import { buildModel } from './train.ts';
import type { PreparedRecord } from './types.ts';

/** Fewer records than this and `trainModel` uses the built-in parameters. */
export const MIN_TRAINING_RECORDS = 200;

const PRIOR_M: Record<FieldName, number[]> = {
  given_name: [1, 0.72, 0.1, 0.01, 0.04, 0.02, 0.07, 0.04],
  family_name: [1, 0.86, 0.07, 0.002, 0.03, 0.02, 0.005, 0.013],
  birth: [1, 0.29, 0.04, 0.02, 0.35, 0.27, 0.03],
  sex: [1, 0.985, 0.015],
  relatives: [1, 0.82, 0.09, 0.06, 0.03],
  district: [1, 0.35, 0.29, 0.36],
  address: [1, 0.9, 0.07, 0.03],
  phone: [1, 0.7, 0.02, 0.28],
  id_number: [1, 0.6, 0.38, 0.02],
};

const PRIOR_U: Record<FieldName, number[]> = {
  given_name: [1, 0.0021, 0.0008, 0.00006, 0.0012, 0.029, 0.0079, 0.959],
  family_name: [1, 0.039, 0.0092, 0.00002, 0.0031, 0.033, 0.00036, 0.915],
  birth: [1, 0.000023, 0.00062, 0.0073, 0.045, 0.059, 0.888],
  sex: [1, 0.51, 0.49],
  relatives: [1, 0.001, 0.00034, 0.0012, 0.997],
  district: [1, 0.0013, 0.042, 0.957],
  address: [1, 0.0019, 0.001, 0.997],
  phone: [1, 0.000095, 0.0000073, 0.9999],
  id_number: [1, 0.00023, 0.00023, 0.9995],
};

const COMMON: Record<string, number> = {
  kumar: 0.08,
  devi: 0.07,
  singh: 0.06,
  kumari: 0.05,
  yadav: 0.03,
  khatun: 0.02,
  das: 0.015,
  mandal: 0.015,
  shaikh: 0.015,
  ansari: 0.015,
  khan: 0.015,
  sharma: 0.014,
  begum: 0.01,
  prasad: 0.008,
  ram: 0.007,
};
const COMMON_SURNAMES = Object.fromEntries(
  Object.entries(COMMON).map(([name, f]) => [normaliseToken(name), f]),
);
const COMMON_SURNAME_KEYS = Object.fromEntries(
  Object.entries(COMMON).map(([name, f]) => [phoneticKey(normaliseToken(name)), f]),
);

export function priorModel(records: readonly PreparedRecord[]): LinkageModel {
  const lambda = Math.min(0.5, 0.2 / Math.max(records.length - 1, 1));
  // Name frequencies counted in a handful of records say nothing: assume a typical name is 1 in 1,000,
  // and the surnames that fill North and East Indian registers are far commoner.
  const typical = { exact: {}, phonetic: {}, floor: 1e-3 };
  const family = { exact: COMMON_SURNAMES, phonetic: COMMON_SURNAME_KEYS, floor: 1e-3 };
  const tf = { given_name: typical, family_name: family };
  return buildModel(PRIOR_M, PRIOR_U, lambda, tf, { records: records.length, prior: true });
}
