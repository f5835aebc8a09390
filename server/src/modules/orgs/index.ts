export {
  createOrganization,
  currentOrganization,
  findOrganizations,
  type NewOrganization,
  organizationBySlug,
  organizationBySupportAddress,
} from "./orgs.service";
export { organizations } from "./orgs.tables";
export { isValidSlug } from "./slug";
