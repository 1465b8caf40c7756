import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Role } from '../../server/access.ts';
import { literalUnion, nullable, PageQuery, Uuid } from '../../server/schemas.ts';

export const TIP_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'auditor',
];
export const TIP_HANDLERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
];
export const TIP_STATUSES = ['new', 'triaged', 'forwarded', 'actioned', 'dismissed'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

/** Per client and minute on this server (in memory); per salted source and day across servers (in the database). */
export const TIPS_PER_MINUTE = 5;
export const TIPS_PER_SOURCE_PER_DAY = 30;
/** A tip is a few paragraphs; anything bigger is not a tip. */
export const TIP_BODY_LIMIT = 16 * 1024;

export const PublicTipInput = Type.Object(
  {
    whatSeen: Type.String({ minLength: 10, maxLength: 4000, description: 'What was seen or heard' }),
    districtLgd: Type.Integer({ minimum: 1, description: 'LGD code of the district where it happened' }),
    placeDetail: Type.Optional(Type.String({ maxLength: 300, description: 'Where in the district' })),
    seenAt: Type.Optional(Type.String({ maxLength: 100, description: 'When, in the tipster’s words' })),
    contact: Type.Optional(
      Type.String({ maxLength: 200, description: 'Optional: how to reach the tipster' }),
    ),
    language: Type.Optional(literalUnion(['en', 'hi'] as const)),
    // Left empty by people (it is hidden); bots that fill every field reveal themselves.
    website: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type PublicTipInput = Static<typeof PublicTipInput>;

export const PublicTipReceipt = Type.Object({
  received: Type.Boolean(),
  reference: nullable(Type.String()),
  routedTo: nullable(Type.String({ description: 'The kind of office that will read it, not a person' })),
});
export type PublicTipReceipt = Static<typeof PublicTipReceipt>;

export const PublicPlacesQuery = Type.Object(
  { q: Type.String({ minLength: 2, maxLength: 100 }) },
  { additionalProperties: false },
);
export const PublicPlace = Type.Object({
  districtLgd: Type.Integer(),
  district: Type.String(),
  state: Type.String(),
  label: Type.String(),
});

export const TipQuery = Type.Object(
  {
    status: Type.Optional(literalUnion(TIP_STATUSES)),
    district: Type.Optional(Type.Integer({ minimum: 1 })),
    open: Type.Optional(Type.Boolean({ description: 'new, triaged or forwarded' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type TipQuery = Static<typeof TipQuery>;

export const TriageInput = Type.Object(
  {
    status: literalUnion(['triaged', 'forwarded', 'actioned', 'dismissed'] as const),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    forwardToUnitId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type TriageInput = Static<typeof TriageInput>;

export const TipListItem = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  state: Type.Object({ lgdCode: Type.Integer(), name: Type.String() }),
  district: Type.Object({ lgdCode: Type.Integer(), name: Type.String() }),
  routedUnit: Type.Object({ id: Type.String(), name: Type.String() }),
  forwardedTo: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  status: Type.String(),
  excerpt: Type.String(),
  hasContact: Type.Boolean(),
  receivedAt: Type.String(),
});
export type TipListItem = Static<typeof TipListItem>;

/** Everything an officer sees of a tip. There is deliberately no field for the sender's network details. */
export const TipView = Type.Object({
  ...TipListItem.properties,
  whatSeen: Type.String(),
  placeDetail: nullable(Type.String()),
  seenAt: nullable(Type.String()),
  contact: nullable(Type.String()),
  language: Type.String(),
  triageNote: nullable(Type.String()),
  history: Type.Array(
    Type.Object({
      at: Type.String(),
      fromStatus: nullable(Type.String()),
      toStatus: Type.String(),
      note: nullable(Type.String()),
      by: nullable(Type.String()),
    }),
  ),
  allowedStatuses: Type.Array(Type.String()),
});
export type TipView = Static<typeof TipView>;
