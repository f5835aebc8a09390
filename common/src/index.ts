export * from "./contracts/audit";
export * from "./contracts/auth";
export * from "./contracts/shared";
export * from "./contracts/staff";
