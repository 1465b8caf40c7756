import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Role } from '../../server/access.ts';
import { literalUnion, nullable, PageQuery } from '../../server/schemas.ts';

export const CAMPAIGN_READERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'trainer',
  'auditor',
];
export const CAMPAIGN_WRITERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
];
export const MEDIA = ['fm_radio', 'tv', 'newspaper', 'social_media', 'transit_placards'] as const;

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const CampaignInput = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 200 }),
    medium: literalUnion(MEDIA),
    districtLgd: Type.Optional(Type.Integer({ minimum: 1, description: 'LGD district; yours by default' })),
    stationCode: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 10,
        description: 'Railway station (placards at transit points)',
      }),
    ),
    startsOn: IsoDate,
    endsOn: IsoDate,
    reach: Type.Integer({ minimum: 0, maximum: 500_000_000, description: 'People reached (estimate)' }),
    languages: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 30 }), { maxItems: 10 })),
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CampaignInput = Static<typeof CampaignInput>;

export const CampaignQuery = Type.Object(
  {
    state: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
    district: Type.Optional(Type.Integer({ minimum: 1 })),
    medium: Type.Optional(literalUnion(MEDIA)),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CampaignQuery = Static<typeof CampaignQuery>;

export const CampaignView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  medium: Type.String(),
  state: Type.Object({ lgdCode: Type.Integer(), name: Type.String() }),
  district: Type.Object({ lgdCode: Type.Integer(), name: Type.String() }),
  station: nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  unit: Type.Object({ id: Type.String(), name: Type.String() }),
  startsOn: Type.String(),
  endsOn: Type.String(),
  reach: Type.Integer(),
  languages: Type.Array(Type.String()),
  notes: nullable(Type.String()),
});
export type CampaignView = Static<typeof CampaignView>;

export const MapQuery = Type.Object(
  {
    state: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type MapQuery = Static<typeof MapQuery>;

export const MapDistrict = Type.Object({
  districtLgd: Type.Integer(),
  name: Type.String(),
  stateLgd: Type.Integer(),
  stateName: Type.String(),
  lat: nullable(Type.Number()),
  lon: nullable(Type.Number()),
  campaigns: Type.Integer(),
  reach: Type.Integer(),
  media: Type.Array(Type.String()),
  recruitmentEvents: Type.Integer({
    description: 'Recruitment-stage route events of cases in this district',
  }),
  vulnerable: Type.Boolean({ description: 'Among the source districts with the most recruitment events' }),
  uncovered: Type.Boolean({ description: 'Vulnerable and no campaign in the period' }),
});
export type MapDistrict = Static<typeof MapDistrict>;
