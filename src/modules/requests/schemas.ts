import { Type, type Static } from '@fastify/type-provider-typebox';
import { literalUnion, nullable, PageQuery, Uuid } from '../../server/schemas.ts';
import { REQUEST_ACTIONS, REQUEST_KINDS, REQUEST_PRIORITIES, REQUEST_STATUSES } from './codes.ts';

export const RequestKind = literalUnion(REQUEST_KINDS);
export const RequestPriority = literalUnion(REQUEST_PRIORITIES);
export const RequestStatus = literalUnion(REQUEST_STATUSES);

const UnitRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  stateLgd: nullable(Type.Integer()),
  stateName: nullable(Type.String()),
});

export const AttachmentInput = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    contentType: literalUnion(['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const),
    contentBase64: Type.String({ minLength: 4 }),
  },
  { additionalProperties: false },
);
export type AttachmentInput = Static<typeof AttachmentInput>;

const Attachments = Type.Optional(
  Type.Array(AttachmentInput, {
    maxItems: 3,
    description: 'Up to 3 PDF, JPEG, PNG or WebP files (base64), 10 MB together; checked by their bytes',
  }),
);

export const RequestInput = Type.Object(
  {
    toUnitId: Uuid,
    kind: RequestKind,
    priority: RequestPriority,
    subject: Type.String({
      minLength: 3,
      maxLength: 200,
      description: 'Travels by e-mail to the recipient unit: no names of victims',
    }),
    body: Type.String({ minLength: 1, maxLength: 10000, description: 'What the recipient needs to know' }),
    caseId: Type.Optional(Uuid),
    personIds: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 20,
        uniqueItems: true,
        description: 'People in the case this request is about (needs caseId)',
      }),
    ),
    attachments: Attachments,
  },
  { additionalProperties: false },
);
export type RequestInput = Static<typeof RequestInput>;

export const ActionInput = Type.Object(
  {
    text: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 10000,
        description: 'The answer, the reason for declining or reopening (required there), or a note',
      }),
    ),
    attachments: Attachments,
  },
  { additionalProperties: false },
);
export type ActionInput = Static<typeof ActionInput>;

export const MessageInput = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 10000 }), attachments: Attachments },
  { additionalProperties: false },
);
export type MessageInput = Static<typeof MessageInput>;

export const RequestListQuery = Type.Object(
  {
    direction: Type.Optional(
      literalUnion(['in', 'out'] as const, {
        description: 'in: addressed to your unit; out: sent by it; omitted: every request you can see',
      }),
    ),
    status: Type.Optional(Type.Array(RequestStatus, { uniqueItems: true })),
    overdue: Type.Optional(Type.Boolean()),
    escalated: Type.Optional(Type.Boolean()),
    kind: Type.Optional(RequestKind),
    priority: Type.Optional(RequestPriority),
    caseId: Type.Optional(Uuid),
    unitId: Type.Optional(Type.String({ format: 'uuid', description: 'Sent by or to this unit' })),
    state: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 99, description: 'Sender or recipient in this State (LGD)' }),
    ),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Reference or subject' })),
    sort: Type.Optional(literalUnion(['-created_at', 'created_at', 'due_at', '-updated_at'] as const)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type RequestListQuery = Static<typeof RequestListQuery>;

export const RequestListItem = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  kind: Type.String(),
  priority: Type.String(),
  status: Type.String(),
  subject: Type.String(),
  fromUnit: UnitRef,
  toUnit: UnitRef,
  direction: literalUnion(['in', 'out', 'oversight'] as const),
  caseReference: nullable(Type.String()),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  escalationLevel: Type.Integer({ description: '0 none, 1 State nodal office, 2 Nodal Cell' }),
  messageCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type RequestListItem = Static<typeof RequestListItem>;

export const AttachmentView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
});

export const MessageView = Type.Object({
  id: Type.String(),
  event: nullable(Type.String()),
  body: nullable(Type.String()),
  authorName: nullable(Type.String({ description: 'null for Setu itself (escalations)' })),
  authorUnit: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  createdAt: Type.String(),
  attachments: Type.Array(AttachmentView),
});

export const RequestPersonView = Type.Object({
  personId: Type.String(),
  role: Type.String(),
  pseudonym: Type.String(),
  sex: Type.String(),
  ageYears: nullable(Type.Integer()),
  homeDistrict: nullable(
    Type.Object({ lgdCode: Type.Integer(), name: Type.String(), stateName: Type.String() }),
  ),
});

export const RequestView = Type.Object({
  ...RequestListItem.properties,
  body: Type.String(),
  round: Type.Integer(),
  case: nullable(
    Type.Object({
      id: Type.String(),
      reference: nullable(Type.String()),
      accessible: Type.Boolean({ description: 'Whether you can open the case itself' }),
    }),
  ),
  persons: Type.Array(RequestPersonView),
  caseShared: Type.Boolean(),
  identityShared: Type.Boolean(),
  identityAccess: Type.Boolean({
    description: 'Whether you may reveal the identity of the victims named (POST …/persons/:personId/reveal)',
  }),
  acknowledgedAt: nullable(Type.String()),
  answeredAt: nullable(Type.String()),
  closedAt: nullable(Type.String()),
  declinedAt: nullable(Type.String()),
  declineReason: nullable(Type.String()),
  attachments: Type.Array(AttachmentView, { description: 'Files sent with the request itself' }),
  messages: Type.Array(MessageView),
  escalations: Type.Array(
    Type.Object({
      round: Type.Integer(),
      level: Type.Integer(),
      toUnit: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
      dueAt: Type.String(),
      escalatedAt: Type.String(),
    }),
  ),
  allowedActions: Type.Array(literalUnion([...REQUEST_ACTIONS, 'message'] as const), {
    description: 'What you may do now; the web shows these buttons',
  }),
});
export type RequestView = Static<typeof RequestView>;

const Figure = Type.Object({
  count: Type.Integer(),
  medianHours: nullable(Type.Number()),
  p90Hours: nullable(Type.Number()),
});

export const StatsRow = Type.Object({
  unit: UnitRef,
  received: Type.Integer(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  answered: Type.Integer(),
  declined: Type.Integer(),
  toAcknowledge: Figure,
  toAnswer: Figure,
});
export type StatsRow = Static<typeof StatsRow>;
