export { createCompany } from "./companies.service";
export { customerByEmail, liveCustomer, updateCustomerSelf } from "./customer-self";
export { presentCustomer } from "./customers.present";
export { type CustomerRow, findCustomer, searchCustomers } from "./customers.queries";
export { customerRoutes } from "./customers.routes";
export {
  CUSTOMER_MERGED,
  type CustomerMerged,
  createCustomer,
  findOrCreateCustomerByEmail,
  findOrCreateCustomerByPhone,
  getCustomer,
} from "./customers.service";
export { companies, customerIdentities, customers } from "./customers.tables";
