<<<<<<< HEAD
export * from "./business-time/business-time";
export * from "./business-time/schema";
=======
>>>>>>> calendars
export * from "./business-time/types";
export * from "./contracts/audit";
export * from "./contracts/auth";
export * from "./contracts/calendars";
export * from "./contracts/channels";
export * from "./contracts/custom-fields";
export * from "./contracts/customers";
export * from "./contracts/notifications";
export * from "./contracts/portal";
export * from "./contracts/search";
export * from "./contracts/shared";
export * from "./contracts/staff";
export * from "./contracts/tickets";
export * from "./custom-fields/validate";
export * from "./mentions/mentions";
export * from "./tickets/status";
