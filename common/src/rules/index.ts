export * from "./evaluate";
export * from "./schema";
export * from "./template";
