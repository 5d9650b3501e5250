// The emulator core shared by every route: options, state, clock, RNG and user profiles.
import { openIdFor, unionIdFor } from "./ids.ts";
import type { EmulatorOptions, OptionsPatch } from "./options.ts";
import { DEFAULT_OPTIONS, mergeOptions } from "./options.ts";
import { createRng } from "./rng.ts";
import { State } from "./state.ts";
import type { CannotPost, User } from "./types.ts";

export interface UserPatch {
  nickname?: string;
  isPrivate?: boolean;
  commentDisabled?: boolean;
  duetDisabled?: boolean;
  stitchDisabled?: boolean;
  maxVideoPostDurationSec?: number;
  cannotPost?: CannotPost | null;
  bio?: string;
  isVerified?: boolean;
  avatarVersion?: number;
  followerCount?: number;
  followingCount?: number;
  likesCount?: number | null;
}

export class Emulator {
  options: EmulatorOptions;
  readonly state = new State();
  rng: () => number;
  /** Injectable clock (ms epoch); all expiry and window logic reads it. */
  now: () => number = () => this.pinnedAt ?? Date.now();
  /** Set by /__emu/clock: the emulator's time stands still there until moved or released. */
  pinnedAt: number | null = null;

  constructor(options: OptionsPatch = {}) {
    this.options = mergeOptions(DEFAULT_OPTIONS, options);
    this.rng = createRng(this.options.seed);
  }

  configure(patch: OptionsPatch): void {
    this.options = mergeOptions(this.options, patch);
    if (patch.seed !== undefined) this.rng = createRng(this.options.seed);
  }

  pinClock(at: number | null): void {
    this.pinnedAt = at;
  }

  reset(): void {
    this.state.clear();
    this.rng = createRng(this.options.seed);
  }

  generatedUsername(): string {
    const hex = Math.floor(this.rng() * 0x10000)
      .toString(16)
      .padStart(4, "0");
    return `creator_${hex}`;
  }

  /** The same username always maps to the same TikTok user (stable open_id). */
  upsertUser(username: string, patch: UserPatch = {}): User {
    const existing = this.state.users.get(username);
    const user: User = existing ?? {
      username,
      openId: openIdFor(this.options.clientKey, username),
      unionId: unionIdFor(username),
      nickname: username.replace(/[._]/g, " ").replace(/\b\w/g, (ch) => ch.toUpperCase()),
      isPrivate: false,
      commentDisabled: false,
      duetDisabled: false,
      stitchDisabled: false,
      maxVideoPostDurationSec: 600,
      cannotPost: null,
      bio: "",
      isVerified: false,
      followerCount: 0,
      followingCount: 0,
      likesCount: null,
      avatarVersion: 1,
    };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) Object.assign(user, { [k]: v });
    this.state.users.set(username, user);
    return user;
  }

  /** Privacy options depend on whether the account is private (§3.1). */
  privacyOptions(user: User): string[] {
    return user.isPrivate
      ? ["FOLLOWER_OF_CREATOR", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"]
      : ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"];
  }

  /** Origin for URLs the emulator hands out (upload URLs, signed images): `publicUrl`, else the request's own. */
  baseUrl(requestUrl: string): string {
    return this.options.publicUrl ?? new URL(requestUrl).origin;
  }
}
