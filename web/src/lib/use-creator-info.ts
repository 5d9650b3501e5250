// Fetches creator_info fresh every time an account is chosen (tiktok-api.md §8.1); stale answers are dropped.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type CreatorInfo } from "../api.ts";

export interface CreatorInfoState {
  info: CreatorInfo | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

export function useCreatorInfo(accountId: string): CreatorInfoState {
  const [info, setInfo] = useState<CreatorInfo | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    setInfo(null);
    setError(null);
    if (!accountId) return;
    const ticket = ++latest.current;
    setLoading(true);
    api.creatorInfo(accountId).then(
      (body) => {
        if (ticket !== latest.current) return;
        setInfo(body.creatorInfo);
        setLoading(false);
      },
      (caught: unknown) => {
        if (ticket !== latest.current) return;
        setError(caught);
        setLoading(false);
      },
    );
  }, [accountId, nonce]);

  return { info, loading, error, reload: () => setNonce((n) => n + 1) };
}
