export {
  createOrganization,
  currentOrganization,
  findOrganizations,
  type NewOrganization,
  organizationBySupportAddress,
} from "./orgs.service";
export { organizations } from "./orgs.tables";
