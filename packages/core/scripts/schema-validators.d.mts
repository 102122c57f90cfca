export declare const checkOptionsExport: (id: string) => string;
export declare function schemaValidatorsModule(schemas: {
  profile: unknown;
  config: unknown;
  dataset: unknown;
  checks: readonly { id: string; meta: { options?: unknown } }[];
}): string;
