import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Role } from '../../server/access.ts';
import { literalUnion, nullable, PageQuery } from '../../server/schemas.ts';

export const PRACTICE_SUBMITTERS: readonly Role[] = [
  'national_analyst',
  'state_nodal_officer',
  'district_officer',
  'liaison_officer',
  'ngo_caseworker',
  'trainer',
];
/** Reviewers are the State nodal officer of the practice's State and the Nodal Cell (checked in the database). */
export const PRACTICE_REVIEWERS: readonly Role[] = ['national_analyst', 'state_nodal_officer'];

export const PRACTICE_CATEGORIES = [
  'prevention',
  'rescue',
  'investigation',
  'prosecution',
  'rehabilitation',
  'technology',
] as const;
export const PRACTICE_STATUSES = ['submitted', 'published', 'returned'] as const;
export const LANGUAGES = ['en', 'hi'] as const;

export const PracticeInput = Type.Object(
  {
    category: literalUnion(PRACTICE_CATEGORIES),
    language: Type.Optional(literalUnion(LANGUAGES)),
    title: Type.String({ minLength: 5, maxLength: 200 }),
    summary: Type.String({ minLength: 10, maxLength: 1000 }),
    body: Type.String({ minLength: 20, maxLength: 20000 }),
    outcomes: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
export type PracticeInput = Static<typeof PracticeInput>;

export const PracticePatch = Type.Object(
  {
    category: Type.Optional(literalUnion(PRACTICE_CATEGORIES)),
    language: Type.Optional(literalUnion(LANGUAGES)),
    title: Type.Optional(Type.String({ minLength: 5, maxLength: 200 })),
    summary: Type.Optional(Type.String({ minLength: 10, maxLength: 1000 })),
    body: Type.Optional(Type.String({ minLength: 20, maxLength: 20000 })),
    outcomes: Type.Optional(nullable(Type.String({ maxLength: 5000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PracticePatch = Static<typeof PracticePatch>;

export const ReviewInput = Type.Object(
  {
    action: literalUnion(['publish', 'return'] as const),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ReviewInput = Static<typeof ReviewInput>;

export const PracticeQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Words in English or Hindi (Devanagari), matched in title, summary and text',
      }),
    ),
    category: Type.Optional(literalUnion(PRACTICE_CATEGORIES)),
    status: Type.Optional(literalUnion(PRACTICE_STATUSES)),
    language: Type.Optional(literalUnion(LANGUAGES)),
    state: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
    mine: Type.Optional(Type.Boolean({ description: "Your unit's submissions" })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PracticeQuery = Static<typeof PracticeQuery>;

export const AttachmentView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: Type.String(),
});

export const PracticeListItem = Type.Object({
  id: Type.String(),
  category: Type.String(),
  language: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  state: Type.Object({ lgdCode: Type.Integer(), name: Type.String() }),
  unit: Type.Object({ id: Type.String(), name: Type.String() }),
  status: Type.String(),
  publishedAt: nullable(Type.String()),
  attachments: Type.Integer(),
});
export type PracticeListItem = Static<typeof PracticeListItem>;

export const PracticeView = Type.Object({
  ...PracticeListItem.properties,
  body: Type.String(),
  outcomes: nullable(Type.String()),
  reviewNote: nullable(Type.String()),
  createdAt: Type.String(),
  attachmentList: Type.Array(AttachmentView),
  canReview: Type.Boolean(),
  canEdit: Type.Boolean(),
});
export type PracticeView = Static<typeof PracticeView>;

export const PracticeAttachmentInput = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    contentType: literalUnion(['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const),
    contentBase64: Type.String({ minLength: 4 }),
  },
  { additionalProperties: false },
);
export type PracticeAttachmentInput = Static<typeof PracticeAttachmentInput>;
