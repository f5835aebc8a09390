export { createOrganization, currentOrganization, findOrganizations, type NewOrganization } from "./orgs.service";
export { organizations } from "./orgs.tables";
