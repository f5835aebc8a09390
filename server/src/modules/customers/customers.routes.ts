import {
  companySchema,
  createCompanyInput,
  createCustomerInput,
  customerSchema,
  idSchema,
  listCustomersQuery,
  mergeCustomersInput,
  one,
  pageOf,
  pageQuerySchema,
  updateCompanyInput,
  updateCustomerInput,
} from "@frontline/common";
import { createRoute, z } from "@hono/zod-openapi";
import { authorize } from "../../platform/authorize";
import { createRouter, ctxOf, jsonBody } from "../../platform/http";
import { authSecurity, createdResponses, okResponses } from "../../platform/openapi";
import { createCompany, getCompany, listCompanies, updateCompany } from "./companies.service";
import { canEditCustomers, canManageCompanies, canMarkVip, canMergeCustomers } from "./customers.policy";
import { presentCompany, presentCustomer } from "./customers.present";
import { createCustomer, getCustomer, listCustomers, mergeCustomers, updateCustomer } from "./customers.service";

const idParam = z.object({ id: idSchema });
const c = { security: authSecurity, tags: ["Customers"] };
const co = { security: authSecurity, tags: ["Companies"] };
const ok = okResponses;
const created = createdResponses;

const routes = {
  list: createRoute({
    ...c,
    method: "get",
    path: "/customers",
    summary: "List customers",
    request: { query: listCustomersQuery },
    responses: ok(pageOf(customerSchema), "A page of customers"),
  }),
  create: createRoute({
    ...c,
    method: "post",
    path: "/customers",
    summary: "Create a customer (a VIP one: supervisors+)",
    request: { body: jsonBody(createCustomerInput) },
    responses: created(one(customerSchema), "The customer"),
  }),
  get: createRoute({
    ...c,
    method: "get",
    path: "/customers/{id}",
    summary: "Get a customer",
    request: { params: idParam },
    responses: ok(one(customerSchema), "The customer"),
  }),
  update: createRoute({
    ...c,
    method: "patch",
    path: "/customers/{id}",
    summary: "Change a customer (marking one VIP: supervisors+)",
    request: { params: idParam, body: jsonBody(updateCustomerInput) },
    responses: ok(one(customerSchema), "The customer"),
  }),
  merge: createRoute({
    ...c,
    method: "post",
    path: "/customers/{id}/merge",
    summary: "Merge a duplicate customer into this one (supervisors+)",
    request: { params: idParam, body: jsonBody(mergeCustomersInput) },
    responses: ok(one(customerSchema), "The surviving customer"),
  }),
  listCompanies: createRoute({
    ...co,
    method: "get",
    path: "/companies",
    summary: "List companies",
    request: { query: pageQuerySchema },
    responses: ok(pageOf(companySchema), "A page of companies"),
  }),
  createCompany: createRoute({
    ...co,
    method: "post",
    path: "/companies",
    summary: "Create a company (supervisors+)",
    request: { body: jsonBody(createCompanyInput) },
    responses: created(one(companySchema), "The company"),
  }),
  getCompany: createRoute({
    ...co,
    method: "get",
    path: "/companies/{id}",
    summary: "Get a company",
    request: { params: idParam },
    responses: ok(one(companySchema), "The company"),
  }),
  updateCompany: createRoute({
    ...co,
    method: "patch",
    path: "/companies/{id}",
    summary: "Change a company (supervisors+)",
    request: { params: idParam, body: jsonBody(updateCompanyInput) },
    responses: ok(one(companySchema), "The company"),
  }),
};

const VIP_ONLY = "Only supervisors and above mark customers VIP";

export const customerRoutes = createRouter()
  .openapi(routes.list, async (c) => {
    const { page, nextCursor } = await listCustomers(ctxOf(c), c.req.valid("query"));
    return c.json({ data: page.map(presentCustomer), nextCursor }, 200);
  })
  .openapi(routes.create, async (c) => {
    const ctx = ctxOf(c);
    const input = c.req.valid("json");
    authorize(canEditCustomers(ctx.actor) && (!input.vip || canMarkVip(ctx.actor)), VIP_ONLY);
    return c.json({ data: presentCustomer(await createCustomer(ctx, input)) }, 201);
  })
  .openapi(routes.get, async (c) =>
    c.json({ data: presentCustomer(await getCustomer(ctxOf(c), c.req.valid("param").id)) }, 200),
  )
  .openapi(routes.update, async (c) => {
    const ctx = ctxOf(c);
    const input = c.req.valid("json");
    authorize(canEditCustomers(ctx.actor) && (input.vip === undefined || canMarkVip(ctx.actor)), VIP_ONLY);
    return c.json({ data: presentCustomer(await updateCustomer(ctx, c.req.valid("param").id, input)) }, 200);
  })
  .openapi(routes.merge, async (c) => {
    const ctx = ctxOf(c);
    authorize(canMergeCustomers(ctx.actor));
    const merged = await mergeCustomers(ctx, c.req.valid("param").id, c.req.valid("json").sourceId);
    return c.json({ data: presentCustomer(merged) }, 200);
  })
  .openapi(routes.listCompanies, async (c) => {
    const { page, nextCursor } = await listCompanies(ctxOf(c), c.req.valid("query"));
    return c.json({ data: page.map(presentCompany), nextCursor }, 200);
  })
  .openapi(routes.createCompany, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageCompanies(ctx.actor));
    return c.json({ data: presentCompany(await createCompany(ctx, c.req.valid("json"))) }, 201);
  })
  .openapi(routes.getCompany, async (c) =>
    c.json({ data: presentCompany(await getCompany(ctxOf(c), c.req.valid("param").id)) }, 200),
  )
  .openapi(routes.updateCompany, async (c) => {
    const ctx = ctxOf(c);
    authorize(canManageCompanies(ctx.actor));
    return c.json(
      { data: presentCompany(await updateCompany(ctx, c.req.valid("param").id, c.req.valid("json"))) },
      200,
    );
  });
