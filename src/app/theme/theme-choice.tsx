import { ThemeProvider } from '@fluentui/react';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { initialTheme, rememberTheme, type ThemeName } from './theme-name.ts';
import { darkTheme, lightTheme } from './themes.ts';

interface ThemeChoice {
  themeName: ThemeName;
  setThemeName: (name: ThemeName) => void;
}

const ThemeChoiceContext = createContext<ThemeChoice>({
  themeName: 'light',
  setThemeName: () => undefined,
});

export function ThemeChoiceProvider({ children }: { children: ReactNode }) {
  const [themeName, setThemeState] = useState<ThemeName>(initialTheme);
  const setThemeName = useCallback((name: ThemeName) => {
    setThemeState(name);
    rememberTheme(name);
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
