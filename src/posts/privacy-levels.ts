// The "who can view" levels the API accepts for a direct post (tiktok-api.md §3.1). Pure data, shared by the
// API contract and the web app.

export const PRIVACY_LEVELS = ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY"] as const;
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];
