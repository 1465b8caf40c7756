/**
 * Setu's person-linkage engine: a pure library (no database, no HTTP). Batch use: `dedupe`, `link`.
 * Incremental use (one new record against stored ones): `prepareRecord` it, store `blockingKeys` in an
 * indexed table, fetch the records that share a key, and `scorePair` each against a stored model.
 */
export type { PersonInput, PreparedName, PreparedRecord, Sex } from './types.ts';
export { prepareRecord, prepareName, type PrepareOptions } from './prepare.ts';
export { normaliseName, normaliseToken, parseName, foldToken } from './normalise.ts';
export { toLatin, detectScripts, scriptOf, type Script } from './transliterate.ts';
export { phoneticKey, phoneticKeyOfTokens } from './phonetic.ts';
export { jaro, jaroWinkler, tokenSetSimilarity, compareName, compareNames, NAME_LEVELS } from './compare.ts';
export { parseDate, parseAge } from './dates.ts';
export { placeResolver, placeNames, type DistrictRow } from './places.ts';
export { parseMapping, rowToInput, checkColumns, MappingError, MAPPABLE_FIELDS } from './mapping.ts';
export { FIELD_NAMES, FIELD_LEVELS, compareRecords, type FieldName } from './fields.ts';
export {
  DEFAULT_RULES,
  blockingKeys,
  buildBlocks,
  forEachCandidatePair,
  forEachCandidateOf,
  type BlockingRule,
  type BlockingReport,
} from './blocking.ts';
export {
  DEFAULT_THRESHOLDS,
  scorePair,
  serialiseModel,
  parseModel,
  withThresholds,
  withPopulation,
  type LinkageModel,
  type PairScore,
  type Explanation,
  type Thresholds,
  type Tier,
} from './model.ts';
export { reestimateFromLabels, type LabelledPair } from './train.ts';
export {
  clusterLinks,
  UnionFind,
  type ClusterState,
  type ClusterEvent,
  type ClusterResult,
} from './cluster.ts';
export {
  dedupe,
  link,
  trainModel,
  prepareAll,
  type LinkOptions,
  type LinkResult,
  type ScoredPair,
  type TrainOptions,
} from './pipeline.ts';
export {
  hashKey,
  hashedKeys,
  blockCap,
  candidatesFromBlocks,
  scoreCandidates,
  type HashedKey,
  type IncrementalHit,
} from './incremental.ts';
export { priorModel, MIN_TRAINING_RECORDS } from './prior.ts';
