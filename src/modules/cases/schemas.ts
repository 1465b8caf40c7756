import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import { literalUnion } from '../../server/schemas.ts';
import {
  ACCUSED_ROLES,
  ARREST_STATUSES,
  BAIL_STATUSES,
  CASE_KINDS,
  CASE_STATUSES,
  CUSTODY_STATUSES,
  EXPLOITATION_FORMS,
  ID_DOCUMENT_TYPES,
  PERSON_ROLES,
  PLACE_KINDS,
  ROUTE_STAGES,
  SEXES,
} from './codes.ts';

const oneOf = literalUnion;
const orNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Lgd = Type.Integer({ minimum: 1, maximum: 99999 });

export const CaseKind = oneOf(CASE_KINDS);
export const CaseStatus = oneOf(CASE_STATUSES);
export const ExploitationForm = oneOf(EXPLOITATION_FORMS);
export const PersonRole = oneOf(PERSON_ROLES);

// ---------------------------------------------------------------- people
const IdentityFields = {
  name: Type.String({ minLength: 1, maxLength: 200, description: 'As recorded, in any script' }),
  aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
  dateOfBirth: Type.Optional(orNull(IsoDate)),
  fatherName: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
  motherName: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
  spouseName: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
  address: Type.Optional(orNull(Type.String({ maxLength: 1000 }))),
  phones: Type.Optional(Type.Array(Type.String({ pattern: '^\\+?[0-9 -]{6,20}$' }), { maxItems: 10 })),
  idDocumentType: Type.Optional(orNull(oneOf(ID_DOCUMENT_TYPES))),
  idNumber: Type.Optional(
    orNull(
      Type.String({ minLength: 4, maxLength: 40, description: 'Only the last four characters are kept' }),
    ),
  ),
};

const PersonFacts = {
  sex: Type.Optional(oneOf(SEXES)),
  ageYears: Type.Optional(orNull(Type.Integer({ minimum: 0, maximum: 120 }))),
  ageOn: Type.Optional(orNull(IsoDate)),
  nationality: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166 country code' })),
  homeDistrictLgd: Type.Optional(orNull(Lgd)),
  accusedRole: Type.Optional(orNull(oneOf(ACCUSED_ROLES))),
  arrestStatus: Type.Optional(orNull(oneOf(ARREST_STATUSES))),
  arrestedOn: Type.Optional(orNull(IsoDate)),
  bailStatus: Type.Optional(orNull(oneOf(BAIL_STATUSES))),
  custodyStatus: Type.Optional(orNull(oneOf(CUSTODY_STATUSES))),
  rescuedOn: Type.Optional(orNull(IsoDate)),
};

export const PersonInput = Type.Object(
  { role: PersonRole, ...IdentityFields, ...PersonFacts },
  { additionalProperties: false },
);
export type PersonInput = Static<typeof PersonInput>;

export const PersonPatch = Type.Object(
  { ...IdentityFields, name: Type.Optional(IdentityFields.name), ...PersonFacts },
  { additionalProperties: false, minProperties: 1 },
);
export type PersonPatch = Static<typeof PersonPatch>;

const PlaceRef = Type.Object({
  lgdCode: Type.Integer(),
  name: Type.String(),
  stateLgd: Type.Integer(),
  stateName: Type.String(),
});

/** A person as everyone entitled to the case sees them: no identifying details for victims and witnesses. */
export const PersonView = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  role: Type.String(),
  pseudonym: Type.String(),
  /** The name for accused, rescuers and complainants; null (masked) for victims and witnesses. */
  displayName: orNull(Type.String()),
  identityMasked: Type.Boolean(),
  sex: Type.String(),
  ageYears: orNull(Type.Integer()),
  ageOn: orNull(Type.String()),
  ageIsEstimate: Type.Boolean(),
  isChild: orNull(Type.Boolean()),
  nationality: Type.String(),
  homeDistrict: orNull(PlaceRef),
  accusedRole: orNull(Type.String()),
  arrestStatus: orNull(Type.String()),
  arrestedOn: orNull(Type.String()),
  bailStatus: orNull(Type.String()),
  custodyStatus: orNull(Type.String()),
  rescuedOn: orNull(Type.String()),
});
export type PersonView = Static<typeof PersonView>;

export const IdentityView = Type.Object({
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  dateOfBirth: orNull(Type.String()),
  fatherName: orNull(Type.String()),
  motherName: orNull(Type.String()),
  spouseName: orNull(Type.String()),
  address: orNull(Type.String()),
  phones: Type.Array(Type.String()),
  idDocumentType: orNull(Type.String()),
  idNumberLast4: orNull(Type.String()),
  photoAttachmentId: orNull(Type.String()),
});
export type IdentityView = Static<typeof IdentityView>;

// ---------------------------------------------------------------- route
export const RouteEventInput = Type.Object(
  {
    stage: oneOf(ROUTE_STAGES),
    placeKind: oneOf(PLACE_KINDS),
    districtLgd: Type.Optional(Lgd),
    stationCode: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
    borderCrossingLocode: Type.Optional(Type.String({ minLength: 5, maxLength: 5 })),
    countryCode: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    placeNote: Type.Optional(Type.String({ maxLength: 300 })),
    occurredOn: Type.Optional(orNull(IsoDate)),
  },
  { additionalProperties: false },
);
export type RouteEventInput = Static<typeof RouteEventInput>;

export const RouteEventView = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  stage: Type.String(),
  placeKind: Type.String(),
  placeName: Type.String(),
  districtLgd: orNull(Type.Integer()),
  stationCode: orNull(Type.String()),
  borderCrossingLocode: orNull(Type.String()),
  countryCode: orNull(Type.String()),
  placeStateLgd: orNull(Type.Integer()),
  placeStateName: orNull(Type.String()),
  placeDistrictLgd: orNull(Type.Integer()),
  placeDistrictName: orNull(Type.String()),
  lat: orNull(Type.Number()),
  lon: orNull(Type.Number()),
  placeNote: orNull(Type.String()),
  occurredOn: orNull(Type.String()),
});
export type RouteEventView = Static<typeof RouteEventView>;

// ---------------------------------------------------------------- cases
const CaseFields = {
  kind: CaseKind,
  title: Type.String({
    minLength: 3,
    maxLength: 200,
    description: 'A short description, without victim names',
  }),
  summary: Type.Optional(orNull(Type.String({ maxLength: 10000 }))),
  firNumber: Type.Optional(orNull(Type.String({ minLength: 1, maxLength: 40 }))),
  firDate: Type.Optional(orNull(IsoDate)),
  registeredOn: Type.Optional(IsoDate),
  policeStationUnitId: Type.Optional(orNull(Type.String({ format: 'uuid' }))),
  policeStationName: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
  investigatingOfficerId: Type.Optional(orNull(Type.String({ format: 'uuid' }))),
  investigatingOfficerName: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
  exploitationForms: Type.Optional(Type.Array(ExploitationForm, { uniqueItems: true, maxItems: 13 })),
  legalSections: Type.Optional(
    Type.Array(Type.String({ pattern: '^[A-Z]+-[0-9A-Z]+$' }), { uniqueItems: true, maxItems: 30 }),
  ),
};

export const CaseInput = Type.Object(
  {
    ...CaseFields,
    /** A State nodal officer registers on behalf of a district unit; others register for their own unit. */
    registeringUnitId: Type.Optional(Type.String({ format: 'uuid' })),
    persons: Type.Optional(Type.Array(PersonInput, { maxItems: 200 })),
    route: Type.Optional(Type.Array(RouteEventInput, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type CaseInput = Static<typeof CaseInput>;

export const CasePatch = Type.Object(
  {
    ...Object.fromEntries(Object.entries(CaseFields).map(([key, schema]) => [key, Type.Optional(schema)])),
    /** The version the client last saw; a stale edit is refused with 409 instead of overwriting. */
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type CasePatch = Partial<Omit<Static<typeof CaseInput>, 'persons' | 'route' | 'registeringUnitId'>> & {
  version: number;
};

const UnitRef = Type.Object({ id: Type.String(), name: Type.String() });

export const CaseListItem = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  firNumber: orNull(Type.String()),
  registeredOn: Type.String(),
  state: Type.Object({ lgdCode: Type.Integer(), name: Type.String() }),
  district: Type.Object({ lgdCode: Type.Integer(), name: Type.String() }),
  registeringUnit: UnitRef,
  exploitationForms: Type.Array(Type.String()),
  victimCount: Type.Integer(),
  accusedCount: Type.Integer(),
  isInterState: Type.Boolean(),
  isCrossBorder: Type.Boolean(),
  chargeSheetDueOn: orNull(Type.String()),
  chargeSheetOverdue: Type.Boolean(),
  updatedAt: Type.String(),
});
export type CaseListItem = Static<typeof CaseListItem>;

export const StatusEventView = Type.Object({
  status: Type.String(),
  effectiveOn: Type.String(),
  note: orNull(Type.String()),
  recordedBy: orNull(Type.String()),
  recordedAt: Type.String(),
});

export const CaseView = Type.Object({
  ...CaseListItem.properties,
  summary: orNull(Type.String()),
  firDate: orNull(Type.String()),
  policeStation: orNull(Type.Object({ unitId: orNull(Type.String()), name: Type.String() })),
  investigatingOfficer: orNull(Type.Object({ userId: orNull(Type.String()), name: Type.String() })),
  legalSections: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      titleHi: orNull(Type.String()),
      replacedBy: orNull(Type.String()),
    }),
  ),
  statusChangedOn: Type.String(),
  firstArrestOn: orNull(Type.String()),
  chargeSheetedOn: orNull(Type.String()),
  nextStatuses: Type.Array(Type.String()),
  standing: Type.String({ description: 'owner | assisting_identity | assisting | jurisdiction' }),
  canEdit: Type.Boolean(),
  version: Type.Integer(),
  persons: Type.Array(PersonView),
  route: Type.Array(RouteEventView),
  timeline: Type.Array(StatusEventView),
  notes: Type.Array(
    Type.Object({
      id: Type.String(),
      body: Type.String(),
      author: orNull(Type.String()),
      unit: orNull(Type.String()),
      createdAt: Type.String(),
    }),
  ),
  attachments: Type.Array(
    Type.Object({
      id: Type.String(),
      fileName: Type.String(),
      contentType: Type.String(),
      sizeBytes: Type.Integer(),
      sha256: Type.String(),
      isIdentity: Type.Boolean(),
      personId: orNull(Type.String()),
      description: orNull(Type.String()),
      uploadedAt: Type.String(),
    }),
  ),
  links: Type.Array(
    Type.Object({ caseId: Type.String(), reference: Type.String(), relation: Type.String() }),
  ),
  createdAt: Type.String(),
});
export type CaseView = Static<typeof CaseView>;

export const CaseListQuery = Type.Object({
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'Reference, FIR number, title or accused name' }),
  ),
  status: Type.Optional(Type.Array(CaseStatus)),
  kind: Type.Optional(CaseKind),
  form: Type.Optional(ExploitationForm),
  state: Type.Optional(Lgd),
  district: Type.Optional(Lgd),
  unitId: Type.Optional(Type.String({ format: 'uuid' })),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  interState: Type.Optional(Type.Boolean()),
  crossBorder: Type.Optional(Type.Boolean()),
  overdue: Type.Optional(
    Type.Boolean({ description: 'charge-sheet deadline passed without a charge-sheet' }),
  ),
  mine: Type.Optional(Type.Boolean({ description: "only my unit's cases" })),
  sort: Type.Optional(
    oneOf([
      'registered_on',
      '-registered_on',
      'updated_at',
      '-updated_at',
      'charge_sheet_due_on',
      'reference',
    ] as const),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});
export type CaseListQuery = Static<typeof CaseListQuery>;
