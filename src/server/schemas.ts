import { Type, type TSchema } from '@fastify/type-provider-typebox';

/** The error body every non-2xx response carries. */
export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. `invalid_credentials`' }),
      message: Type.String({ description: 'What went wrong and what to do, for a person' }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'Error' },
);

/** Standard error responses for a route, so OpenAPI documents them and clients can rely on the shape. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorSchema]));
}

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

export function nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** A string enum as a schema whose static type is the union of its values (a mapped Type.Union loses it). */
export function literalUnion<T extends string>(values: readonly T[], options: { description?: string } = {}) {
  return Type.Unsafe<T>({ ...Type.Union(values.map((value) => Type.Literal(value))), ...options });
}
