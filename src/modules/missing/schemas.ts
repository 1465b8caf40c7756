/** Request and response shapes of missing-person reports and found persons. */
import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import type { Role } from '../../server/access.ts';
import { literalUnion } from '../../server/schemas.ts';

const orNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Lgd = Type.Integer({ minimum: 1, maximum: 99999 });
const Uuid = Type.String({ format: 'uuid' });

/** Roles that see tracing records by jurisdiction; NGO caseworkers see found persons referred to them. */
export const TRACING_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'auditor',
  'ngo_caseworker',
];
export const TRACING_WRITERS: readonly Role[] = [
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
];

export const SEXES = ['female', 'male', 'transgender', 'unknown'] as const;
export const MISSING_STATUSES = ['missing', 'traced', 'closed'] as const;
export const FOUND_KINDS = ['rescued', 'intercepted', 'unidentified'] as const;
export const FOUND_STATUSES = ['in_care', 'restored', 'transferred', 'closed'] as const;

const Language = Type.String({
  pattern: '^[a-z]{2,3}$',
  description: 'ISO 639 code of the language the person speaks, e.g. hi, bn, sat, ne',
});
const Photo = Type.Object(
  {
    contentType: literalUnion(['image/jpeg', 'image/png', 'image/webp'] as const),
    base64: Type.String({
      maxLength: 700_000,
      description: 'The image, base64-encoded (at most about 500 KB)',
    }),
  },
  { additionalProperties: false },
);

const IdentityFields = {
  aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 10 })),
  dateOfBirth: Type.Optional(orNull(IsoDate)),
  fatherName: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
  motherName: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
  address: Type.Optional(orNull(Type.String({ maxLength: 1000 }))),
  phones: Type.Optional(Type.Array(Type.String({ pattern: '^\\+?[0-9 -]{6,20}$' }), { maxItems: 5 })),
  photo: Type.Optional(orNull(Photo)),
};

const PersonFacts = {
  sex: literalUnion(SEXES),
  ageYears: Type.Optional(orNull(Type.Integer({ minimum: 0, maximum: 120 }))),
  language: Type.Optional(orNull(Language)),
};

export const MissingInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'As the family gives it, in any script' }),
    ...IdentityFields,
    ...PersonFacts,
    policeStationUnitId: Type.Optional(orNull(Uuid)),
    policeStationName: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
    gdNumber: Type.Optional(
      orNull(Type.String({ maxLength: 50, description: 'General diary or FIR number' })),
    ),
    reportedOn: IsoDate,
    lastSeenOn: IsoDate,
    lastSeenDistrictLgd: Lgd,
    lastSeenPlace: Type.Optional(orNull(Type.String({ maxLength: 300 }))),
    circumstances: Type.Optional(orNull(Type.String({ maxLength: 5000 }))),
  },
  { additionalProperties: false },
);
export type MissingInput = Static<typeof MissingInput>;

export const MissingPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version you read; a stale one is refused' }),
    status: Type.Optional(literalUnion(MISSING_STATUSES)),
    sex: Type.Optional(literalUnion(SEXES)),
    ageYears: Type.Optional(orNull(Type.Integer({ minimum: 0, maximum: 120 }))),
    language: Type.Optional(orNull(Language)),
    lastSeenPlace: Type.Optional(orNull(Type.String({ maxLength: 300 }))),
    circumstances: Type.Optional(orNull(Type.String({ maxLength: 5000 }))),
    fatherName: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
    motherName: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type MissingPatch = Static<typeof MissingPatch>;

export const FoundInput = Type.Object(
  {
    name: Type.Optional(
      orNull(Type.String({ minLength: 1, maxLength: 200, description: 'As the person gives it, if at all' })),
    ),
    ...IdentityFields,
    ...PersonFacts,
    foundKind: literalUnion(FOUND_KINDS),
    foundOn: IsoDate,
    foundDistrictLgd: Lgd,
    foundPlace: Type.Optional(orNull(Type.String({ maxLength: 300 }))),
    caseId: Type.Optional(orNull(Uuid)),
    driveId: Type.Optional(orNull(Uuid)),
    placementUnitId: Type.Optional(orNull(Uuid)),
    placedOn: Type.Optional(orNull(IsoDate)),
    cwcUnitId: Type.Optional(orNull(Uuid)),
    cwcOrderNumber: Type.Optional(orNull(Type.String({ maxLength: 100 }))),
    cwcOrderOn: Type.Optional(orNull(IsoDate)),
  },
  { additionalProperties: false },
);
export type FoundInput = Static<typeof FoundInput>;

export const FoundPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    status: Type.Optional(literalUnion(FOUND_STATUSES)),
    sex: Type.Optional(literalUnion(SEXES)),
    ageYears: Type.Optional(orNull(Type.Integer({ minimum: 0, maximum: 120 }))),
    language: Type.Optional(orNull(Language)),
    placementUnitId: Type.Optional(orNull(Uuid)),
    placedOn: Type.Optional(orNull(IsoDate)),
    cwcUnitId: Type.Optional(orNull(Uuid)),
    cwcOrderNumber: Type.Optional(orNull(Type.String({ maxLength: 100 }))),
    cwcOrderOn: Type.Optional(orNull(IsoDate)),
    name: Type.Optional(orNull(Type.String({ minLength: 1, maxLength: 200 }))),
    fatherName: Type.Optional(orNull(Type.String({ maxLength: 200 }))),
    address: Type.Optional(orNull(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type FoundPatch = Static<typeof FoundPatch>;

const Ref = Type.Object({ id: Uuid, name: Type.String() });
export const PlaceView = Type.Object({
  districtLgd: Type.Integer(),
  districtName: Type.String(),
  stateLgd: Type.Integer(),
  stateName: Type.String(),
});
export type PlaceView = Static<typeof PlaceView>;

const CommonView = {
  id: Uuid,
  reference: Type.String(),
  pseudonym: Type.String({ description: 'Shown wherever identity is masked' }),
  identityMasked: Type.Literal(true),
  sex: Type.String(),
  ageYears: orNull(Type.Integer()),
  ageOn: orNull(Type.String()),
  isChild: orNull(Type.Boolean()),
  language: orNull(Type.String()),
  registeredIn: PlaceView,
  registeringUnit: Ref,
  openCandidates: Type.Integer({ description: 'Match candidates waiting for review' }),
  confirmedMatch: orNull(Type.Object({ candidateId: Uuid, otherId: Uuid, otherReference: Type.String() })),
  version: Type.Integer(),
  canEdit: Type.Boolean({
    description:
      'You may change this record (PATCH): a tracing writer in its jurisdiction or its registering unit',
  }),
};

export const MissingView = Type.Object({
  ...CommonView,
  policeStation: orNull(Type.String()),
  gdNumber: orNull(Type.String()),
  reportedOn: Type.String(),
  lastSeenOn: Type.String(),
  lastSeenIn: PlaceView,
  lastSeenPlace: orNull(Type.String()),
  circumstances: orNull(Type.String()),
  status: literalUnion(MISSING_STATUSES),
  statusChangedOn: Type.String(),
});
export type MissingView = Static<typeof MissingView>;

export const FoundView = Type.Object({
  ...CommonView,
  foundKind: literalUnion(FOUND_KINDS),
  foundOn: Type.String(),
  foundIn: PlaceView,
  foundPlace: orNull(Type.String()),
  caseId: orNull(Uuid),
  driveId: orNull(Uuid),
  placement: orNull(Ref),
  placedOn: orNull(Type.String()),
  cwc: orNull(Ref),
  cwcOrderNumber: orNull(Type.String()),
  cwcOrderOn: orNull(Type.String()),
  status: literalUnion(FOUND_STATUSES),
  statusChangedOn: Type.String(),
  carePlanId: orNull(Uuid),
});
export type FoundView = Static<typeof FoundView>;

export const TracingIdentityView = Type.Object({
  name: orNull(Type.String()),
  aliases: Type.Array(Type.String()),
  dateOfBirth: orNull(Type.String()),
  fatherName: orNull(Type.String()),
  motherName: orNull(Type.String()),
  address: orNull(Type.String()),
  phones: Type.Array(Type.String()),
  photo: orNull(Type.String({ description: 'A data: URL of the photo' })),
});
export type TracingIdentityView = Static<typeof TracingIdentityView>;

const ListFilters = {
  status: Type.Optional(Type.String({ maxLength: 20 })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Reference or pseudonym' })),
  state: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 99, description: 'LGD code of the registering unit’s State' }),
  ),
  district: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 99999,
      description:
        'LGD code of the registering unit’s district (the jurisdiction the record belongs to). An unknown code is refused (422); a district outside your jurisdiction lists only what you may see anyway, usually nothing.',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

export const MissingListQuery = Type.Object(
  {
    ...ListFilters,
    lastSeenDistrict: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 99999,
        description:
          'LGD code of the district where the person was last seen, whichever unit registered the report: the district a missing_spike alert names. An unknown code is refused (422); reports registered outside your jurisdiction stay hidden.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type MissingListQuery = Static<typeof MissingListQuery>;

export const FoundListQuery = Type.Object(
  {
    ...ListFilters,
    foundDistrict: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 99999,
        description:
          'LGD code of the district where the person was found, whichever unit registered them. An unknown code is refused (422).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type FoundListQuery = Static<typeof FoundListQuery>;

export const RevealBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
