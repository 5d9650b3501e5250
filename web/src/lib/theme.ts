// Light, dark, or the system's choice (the default): stored per browser, applied as <html data-theme>, which the
// stylesheet reads; "system" leaves it to prefers-color-scheme.
import { useEffect, useState } from "preact/hooks";

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
const KEY = "postflare.theme";

function stored(): Theme {
  try {
    const value = window.localStorage.getItem(KEY);
    return THEMES.find((theme) => theme === value) ?? "system";
  } catch {
    return "system"; // storage blocked (privacy mode): the system's choice
  }
}

export function applyTheme(theme: Theme = stored()) {
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(stored);
  useEffect(() => applyTheme(theme), [theme]);
  const choose = (next: Theme) => {
    try {
      window.localStorage.setItem(KEY, next);
    } catch (error) {
      console.warn("theme not remembered", error);
    }
    setTheme(next);
  };
  return [theme, choose];
}
