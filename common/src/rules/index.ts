export * from "./evaluate";
export * from "./negative-wording";
export * from "./schema";
export * from "./template";
