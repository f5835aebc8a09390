export {
  createOrganization,
  currentOrganization,
  findOrganizations,
  knownOrganization,
  type NewOrganization,
  organizationBySlug,
  organizationBySupportAddress,
  organizationRateLimit,
  setOrganizationRateLimit,
} from "./orgs.service";
export { organizations } from "./orgs.tables";
export { isValidSlug } from "./slug";
