export * from "./documents.js";
export * from "./messages.js";
export * from "./region.js";
export * from "./roles.js";
