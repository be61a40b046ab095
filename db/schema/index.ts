// One file per capability; this index is what drizzle and the app see as the schema.
export * from "./auth";
export * from "./catalog";
export * from "./columns";
export * from "./pieces";
export * from "./audit";
export * from "./jobs";
export * from "./media";
export * from "./livestream";
export * from "./ebooks";
export * from "./calendar";
export * from "./compliance";
export * from "./tracking";
export * from "./leads";
export * from "./metrics";
export * from "./lead-crm";
export * from "./notifications";
export * from "./articles";
