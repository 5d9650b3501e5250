// HTTP client for TikTok's Login Kit and Content Posting API. Every response is validated with zod;
// failures become TikTokError with TikTok's code and log_id. Base URLs come from configuration.
import { TikTokError } from "./errors";
import {
  type CreatorInfo,
  CreatorInfoData,
  Envelope,
  InitData,
  type PublishStatus,
  parseJson,
  StatusData,
  TokenResponse,
  UserInfoData,
  uploadedBytes,
} from "./schemas";

export type { CreatorInfo, PublishStatus };

export type TokenSet = {
  accessToken: string;
  refreshToken: string;
  openId: string;
  scopes: string[];
  accessExpiresAt: number;
  refreshExpiresAt: number;
};

export type TikTokConfig = { apiBase: string; clientKey: string; clientSecret: string };

export type PostInfo = {
  title: string;
  privacy_level: string;
  disable_comment: boolean;
  disable_duet: boolean;
  disable_stitch: boolean;
  brand_content_toggle: boolean;
  brand_organic_toggle: boolean;
  is_aigc: boolean;
};
export type SourceInfo =
  | { source: "FILE_UPLOAD"; video_size: number; chunk_size: number; total_chunk_count: number }
  | { source: "PULL_FROM_URL"; video_url: string };

export type Logged<T> = T & { logId: string | null };

export class TikTokClient {
  private readonly config: TikTokConfig;

  constructor(config: TikTokConfig) {
    this.config = config;
  }

  private url(path: string) {
    return new URL(path, this.config.apiBase.endsWith("/") ? this.config.apiBase : `${this.config.apiBase}/`).toString();
  }

  async exchangeCode(code: string, redirectUri: string, now: number): Promise<TokenSet> {
    return this.tokenRequest({ code, grant_type: "authorization_code", redirect_uri: redirectUri }, now);
  }

  async refresh(refreshToken: string, now: number): Promise<TokenSet> {
    return this.tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken }, now);
  }

  async revoke(accessToken: string): Promise<void> {
    await this.form("v2/oauth/revoke/", { token: accessToken });
  }

  async userInfo(accessToken: string) {
    const { data } = await this.call("GET", "v2/user/info/?fields=open_id,union_id,avatar_url,display_name", accessToken);
    return UserInfoData.parse(data).user;
  }

  /** Creator info; a "cannot post now" answer (HTTP 200 with an error code) throws TikTokError. */
  async creatorInfo(accessToken: string): Promise<Logged<CreatorInfo>> {
    const { data, logId } = await this.call("POST", "v2/post/publish/creator_info/query/", accessToken, {});
    return { ...CreatorInfoData.parse(data), logId };
  }

  async initDirect(accessToken: string, postInfo: PostInfo, sourceInfo: SourceInfo) {
    const body = { post_info: postInfo, source_info: sourceInfo };
    const { data, logId } = await this.call("POST", "v2/post/publish/video/init/", accessToken, body);
    const parsed = InitData.parse(data);
    return { publishId: parsed.publish_id, uploadUrl: parsed.upload_url ?? null, logId };
  }

  async initInbox(accessToken: string, sourceInfo: SourceInfo) {
    const { data, logId } = await this.call("POST", "v2/post/publish/inbox/video/init/", accessToken, {
      source_info: sourceInfo,
    });
    const parsed = InitData.parse(data);
    return { publishId: parsed.publish_id, uploadUrl: parsed.upload_url ?? null, logId };
  }

  async fetchStatus(accessToken: string, publishId: string): Promise<Logged<PublishStatus>> {
    const { data, logId } = await this.call("POST", "v2/post/publish/status/fetch/", accessToken, {
      publish_id: publishId,
    });
    const parsed = StatusData.parse(data);
    return {
      status: parsed.status,
      failReason: parsed.fail_reason || null,
      postIds: parsed.publicaly_available_post_id.map(String),
      uploadedBytes: parsed.uploaded_bytes ?? null,
      logId,
    };
  }

  async cancel(accessToken: string, publishId: string) {
    return this.call("POST", "v2/post/publish/cancel/", accessToken, { publish_id: publishId });
  }

  /**
   * PUT one chunk to the upload URL (used byte for byte, no Authorization header).
   * Returns TikTok's HTTP status and the progress it reports in Content-Range.
   */
  async putChunk(
    uploadUrl: string,
    body: ReadableStream | ArrayBuffer,
    range: { first: number; last: number; total: number },
    contentType: string,
  ): Promise<{ status: number; uploadedBytes: number | null }> {
    let response: Response;
    try {
      response = await fetch(uploadUrl, {
        method: "PUT",
        headers: {
          "Content-Type": contentType,
          "Content-Length": String(range.last - range.first + 1),
          "Content-Range": `bytes ${range.first}-${range.last}/${range.total}`,
        },
        body,
      });
    } catch (error) {
      throw new TikTokError("network_error", `Upload connection failed: ${String(error)}`, 0);
    }
    await response.body?.cancel();
    return { status: response.status, uploadedBytes: uploadedBytes(response.headers.get("content-range")) };
  }

  private async tokenRequest(fields: Record<string, string>, now: number): Promise<TokenSet> {
    const body = await this.form("v2/oauth/token/", fields);
    const parsed = TokenResponse.safeParse(body);
    if (!parsed.success) throw new TikTokError("invalid_response", "TikTok's token response was not understood", 502);
    const t = parsed.data;
    return {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      openId: t.open_id,
      scopes: t.scope
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      accessExpiresAt: now + t.expires_in * 1000,
      refreshExpiresAt: now + t.refresh_expires_in * 1000,
    };
  }

  /** OAuth endpoints: form-encoded, flat error object, failures sometimes with HTTP 200 (§1.7). */
  private async form(path: string, fields: Record<string, string>): Promise<unknown> {
    const params = new URLSearchParams({
      client_key: this.config.clientKey,
      client_secret: this.config.clientSecret,
      ...fields,
    });
    const response = await this.send(this.url(path), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Cache-Control": "no-cache" },
      body: params,
    });
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (body && typeof body.error === "string" && body.error !== "") {
      throw new TikTokError(
        body.error,
        String(body.error_description ?? body.error),
        response.status,
        typeof body.log_id === "string" ? body.log_id : null,
      );
    }
    if (!response.ok || !body) {
      throw new TikTokError(response.status >= 500 ? "internal_error" : "invalid_response", `HTTP ${response.status}`, response.status);
    }
    return body;
  }

  /** Data endpoints: `{data, error}` envelope, success iff error.code === "ok" (§3). */
  protected async call(method: "GET" | "POST", path: string, accessToken: string, body?: unknown) {
    const response = await this.send(this.url(path), {
      method,
      headers: {
        Authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json; charset=UTF-8" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = Envelope.safeParse(parseJson(await response.text().catch(() => "")));
    if (!parsed.success) {
      const code = response.status === 429 ? "rate_limit_exceeded" : response.status >= 500 ? "internal_error" : "invalid_response";
      throw new TikTokError(code, `HTTP ${response.status} without TikTok's envelope`, response.status);
    }
    const { error, data } = parsed.data;
    const logId = error.log_id ?? null;
    if (error.code !== "ok") throw new TikTokError(error.code, error.message, response.status, logId);
    return { data, logId };
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (error) {
      throw new TikTokError("network_error", `Could not reach TikTok: ${String(error)}`, 0);
    }
  }
}

export function tiktokClient(env: Env): TikTokClient {
  return new TikTokClient({
    apiBase: env.TIKTOK_API_BASE,
    clientKey: env.TIKTOK_CLIENT_KEY,
    clientSecret: env.TIKTOK_CLIENT_SECRET,
  });
}
