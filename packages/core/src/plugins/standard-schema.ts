/**
 * The part of the Standard Schema interface (standardschema.dev) that core relies on to
 * validate route input: any schema library that implements it (zod 4, valibot 1,
 * arktype) can describe a route's query or body. Written here as a structural type so
 * core does not tie plugins to one library.
 */

/** One problem with the input: a message and the path of keys to the bad field. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }>;
}

/** The result of a validation: the typed value, or the issues. */
export type SchemaResult<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: ReadonlyArray<SchemaIssue> };

/** A schema whose validated output is `Output`. */
export interface StandardSchema<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => SchemaResult<Output> | Promise<SchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** The output type of a schema. */
export type SchemaOutput<S> = S extends StandardSchema<unknown, infer O> ? O : never;
