export { customFieldRoutes } from "./custom-fields.routes";
export { fieldDefinitions } from "./custom-fields.service";
export { customFieldDefs } from "./custom-fields.tables";
