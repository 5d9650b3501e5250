// Workspace roles, from most to least powerful. Pure data, shared by the database schema, the API contract,
// the role guard and the web app.

export const ROLES = ["owner", "admin", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** owner 4 > admin 3 > editor 2 > viewer 1. */
export const roleRank = (role: Role) => ROLES.length - ROLES.indexOf(role);

/** Does `role` grant at least what `needed` grants? */
export const atLeast = (role: Role, needed: Role) => roleRank(role) >= roleRank(needed);

/** The weaker of two roles (a token's role limit caps its user's role). */
export const weaker = (a: Role, b: Role): Role => (roleRank(a) <= roleRank(b) ? a : b);
