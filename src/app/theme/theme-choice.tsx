import { ThemeProvider } from '@fluentui/react';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { darkTheme, lightTheme, type ThemeName } from './themes.ts';

const STORAGE_KEY = 'pai-theme';

interface ThemeChoice {
  themeName: ThemeName;
  setThemeName: (name: ThemeName) => void;
}

const ThemeChoiceContext = createContext<ThemeChoice>({
  themeName: 'light',
  setThemeName: () => undefined,
});

/** The remembered choice, else the operating system's preference. */
function initialTheme(): ThemeName {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // storage disabled: fall through to the system preference
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function ThemeChoiceProvider({ children }: { children: ReactNode }) {
  const [themeName, setThemeState] = useState<ThemeName>(initialTheme);
  const setThemeName = useCallback((name: ThemeName) => {
    setThemeState(name);
    try {
      localStorage.setItem(STORAGE_KEY, name);
    } catch {
      // not remembered, but still applied
    }
  }, []);
  const choice = useMemo(() => ({ themeName, setThemeName }), [themeName, setThemeName]);
  return (
    <ThemeChoiceContext.Provider value={choice}>
      <ThemeProvider theme={themeName === 'dark' ? darkTheme : lightTheme} applyTo="body">
        {children}
      </ThemeProvider>
    </ThemeChoiceContext.Provider>
  );
}

export function useThemeChoice(): ThemeChoice {
  return useContext(ThemeChoiceContext);
}
