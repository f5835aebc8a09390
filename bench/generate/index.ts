// The data generator lives with the server's seeds (the CLI's `seed --tickets N` runs it); the
// benchmarks take it from here.
export {
  BULK_PASSWORD,
  type GeneratedOrg,
  type GeneratedWorkspace,
  type GenerateOptions,
  generate,
  type SearchTerms,
} from "../../server/src/seed/bulk";
