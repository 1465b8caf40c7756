import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// System fonts only (no downloads on slow connections). Devanagari comes from the system's Noto Sans
// Devanagari (Linux, Android), Nirmala UI (Windows) or Kohinoor/Devanagari Sangam (Apple).
const fontFamily = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Noto Sans"',
  '"Noto Sans Devanagari"',
  '"Nirmala UI"',
  '"Kohinoor Devanagari"',
  '"Devanagari Sangam MN"',
  'Mangal',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white-on-primary and primary-on-white text above 4.5:1 (WCAG AA).
  primaryShade: 8,
  fontFamily,
  headings: { fontFamily, fontWeight: '650' },
  focusRing: 'auto',
  defaultRadius: 'sm',
  cursorType: 'pointer',
});

/** Darker "dimmed", error and placeholder colours than Mantine's defaults, for AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-8)',
    // Text on "light" backgrounds (active navigation item, alert titles) at shade 9, not 6.
    '--mantine-color-indigo-light-color': 'var(--mantine-color-indigo-9)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-teal-light-color': 'var(--mantine-color-teal-9)',
    // Case status badges use these too.
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-violet-light-color': 'var(--mantine-color-violet-9)',
    '--mantine-color-grape-light-color': 'var(--mantine-color-grape-9)',
    '--mantine-color-orange-light-color': 'var(--mantine-color-orange-9)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
    '--mantine-color-cyan-light-color': 'var(--mantine-color-cyan-9)',
  },
  dark: {},
});
