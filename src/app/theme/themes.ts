import { createTheme, type Theme } from '@fluentui/react';

export const lightTheme: Theme = createTheme({});

/** Fluent's dark palette (theme designer, primary #2899f5 on #1b1a19). */
export const darkTheme: Theme = createTheme({
  isInverted: true,
  palette: {
    themePrimary: '#2899f5',
    themeLighterAlt: '#02060a',
    themeLighter: '#061827',
    themeLight: '#0c2e4a',
    themeTertiary: '#185c93',
    themeSecondary: '#2387d8',
    themeDarkAlt: '#3da3f6',
    themeDark: '#5ab1f7',
    themeDarker: '#85c6fa',
    neutralLighterAlt: '#282726',
    neutralLighter: '#31302f',
    neutralLight: '#3f3e3d',
    neutralQuaternaryAlt: '#484746',
    neutralQuaternary: '#4f4e4d',
    neutralTertiaryAlt: '#6d6c6b',
    neutralTertiary: '#c8c8c8',
    neutralSecondary: '#d0d0d0',
    neutralSecondaryAlt: '#d0d0d0',
    neutralPrimaryAlt: '#dadada',
    neutralPrimary: '#ffffff',
    neutralDark: '#f4f4f4',
    black: '#f8f8f8',
    white: '#1b1a19',
  },
  // Derived from the palette, disabled controls were drawn in #c8c8c8: next to white text they
  // looked enabled. Disabled text and controls are dimmed as in Fluent's own dark themes.
  semanticColors: {
    disabledText: '#797775',
    disabledBodyText: '#797775',
    disabledSubtext: '#605e5c',
    buttonTextDisabled: '#797775',
    buttonBackgroundDisabled: '#252423',
    buttonBorderDisabled: '#252423',
    primaryButtonTextDisabled: '#797775',
    primaryButtonBackgroundDisabled: '#252423',
  },
});
