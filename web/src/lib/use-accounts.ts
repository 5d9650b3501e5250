// The workspace's TikTok accounts, for screens that label posts with them (refetched on mount).
import { useEffect, useState } from "preact/hooks";
import { type Account, api } from "../api.ts";

export function useAccounts(): { accounts: Account[]; byId: Map<string, Account>; loaded: boolean; error: unknown } {
  const [state, setState] = useState<{ accounts: Account[]; loaded: boolean; error: unknown }>({
    accounts: [],
    loaded: false,
    error: null,
  });
  useEffect(() => {
    api.accounts().then(
      (body) => setState({ accounts: body.accounts, loaded: true, error: null }),
      (error: unknown) => setState({ accounts: [], loaded: true, error }),
    );
  }, []);
  return { ...state, byId: new Map(state.accounts.map((a) => [a.id, a])) };
}
