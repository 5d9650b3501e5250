// /api/settings, /api/hashtag-groups, /api/caption-templates: what a workspace remembers for the composer.
import { createRoute } from "@hono/zod-openapi";
import { audit } from "../audit/audit";
import { guard } from "../auth/guard";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import {
  CaptionTemplateInput,
  CaptionTemplateListResponse,
  CaptionTemplateResponse,
  Deleted,
  HashtagGroupInput,
  HashtagGroupListResponse,
  HashtagGroupResponse,
  SettingsItemId,
  SettingsPut,
  SettingsResponse,
} from "./settings.schemas";
import * as settings from "./settings.service";

// Anyone in the workspace reads them; editors and up (the people who compose posts) change them.
const read = { tags: ["settings"], ...guard("viewer") };
const write = { tags: ["settings"], ...guard("editor") };

const getSettings = createRoute({
  ...read,
  method: "get",
  path: "/settings",
  responses: { 200: json(SettingsResponse), ...errorResponses },
});
const putSettings = createRoute({
  ...write,
  method: "put",
  path: "/settings",
  request: { body: jsonBody(SettingsPut) },
  responses: { 200: json(SettingsResponse, "Saved"), ...errorResponses },
});

const listGroups = createRoute({
  ...read,
  method: "get",
  path: "/hashtag-groups",
  responses: { 200: json(HashtagGroupListResponse), ...errorResponses },
});
const createGroup = createRoute({
  ...write,
  method: "post",
  path: "/hashtag-groups",
  request: { body: jsonBody(HashtagGroupInput) },
  responses: { 201: json(HashtagGroupResponse, "Created"), ...errorResponses },
});
const editGroup = createRoute({
  ...write,
  method: "put",
  path: "/hashtag-groups/{id}",
  request: { params: SettingsItemId, body: jsonBody(HashtagGroupInput) },
  responses: { 200: json(HashtagGroupResponse, "Saved"), ...errorResponses },
});
const deleteGroup = createRoute({
  ...write,
  method: "delete",
  path: "/hashtag-groups/{id}",
  request: { params: SettingsItemId },
  responses: { 200: json(Deleted, "Deleted"), ...errorResponses },
});

const listTemplates = createRoute({
  ...read,
  method: "get",
  path: "/caption-templates",
  responses: { 200: json(CaptionTemplateListResponse), ...errorResponses },
});
const createTemplate = createRoute({
  ...write,
  method: "post",
  path: "/caption-templates",
  request: { body: jsonBody(CaptionTemplateInput) },
  responses: { 201: json(CaptionTemplateResponse, "Created"), ...errorResponses },
});
const editTemplate = createRoute({
  ...write,
  method: "put",
  path: "/caption-templates/{id}",
  request: { params: SettingsItemId, body: jsonBody(CaptionTemplateInput) },
  responses: { 200: json(CaptionTemplateResponse, "Saved"), ...errorResponses },
});
const deleteTemplate = createRoute({
  ...write,
  method: "delete",
  path: "/caption-templates/{id}",
  request: { params: SettingsItemId },
  responses: { 200: json(Deleted, "Deleted"), ...errorResponses },
});

export const settingsRoutes = router()
  .openapi(getSettings, async (c) => c.json({ settings: await settings.getSettings(c.var.db, c.get("session").workspaceId) }, 200))
  .openapi(putSettings, async (c) => {
    const saved = await settings.setTimezone(c.var.db, c.get("session").workspaceId, c.req.valid("json").timezone, c.var.now);
    await audit(c, "settings.timezone", null, saved);
    return c.json({ settings: saved }, 200);
  })
  .openapi(listGroups, async (c) => c.json({ groups: await settings.hashtagGroupsOf(c.var.db, c.get("session").workspaceId) }, 200))
  .openapi(createGroup, async (c) => {
    const group = await settings.createGroup(c.var.db, c.get("session").workspaceId, c.req.valid("json"), c.var.now);
    return c.json({ group }, 201);
  })
  .openapi(editGroup, async (c) => {
    const { workspaceId } = c.get("session");
    const group = await settings.editGroup(c.var.db, workspaceId, c.req.valid("param").id, c.req.valid("json"), c.var.now);
    return c.json({ group }, 200);
  })
  .openapi(deleteGroup, async (c) => {
    const { id } = c.req.valid("param");
    await settings.removeGroup(c.var.db, c.get("session").workspaceId, id);
    return c.json({ deleted: id }, 200);
  })
  .openapi(listTemplates, async (c) => c.json({ templates: await settings.templatesOf(c.var.db, c.get("session").workspaceId) }, 200))
  .openapi(createTemplate, async (c) => {
    const template = await settings.createTemplate(c.var.db, c.get("session").workspaceId, c.req.valid("json"), c.var.now);
    return c.json({ template }, 201);
  })
  .openapi(editTemplate, async (c) => {
    const { workspaceId } = c.get("session");
    const template = await settings.editTemplate(c.var.db, workspaceId, c.req.valid("param").id, c.req.valid("json"), c.var.now);
    return c.json({ template }, 200);
  })
  .openapi(deleteTemplate, async (c) => {
    const { id } = c.req.valid("param");
    await settings.removeTemplate(c.var.db, c.get("session").workspaceId, id);
    return c.json({ deleted: id }, 200);
  });
