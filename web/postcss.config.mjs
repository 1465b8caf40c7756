import mantinePreset from 'postcss-preset-mantine';

// Mantine's PostCSS preset: rem()/em() functions and mixins (light/dark, smaller-than, hover) in our CSS.
export default {
  plugins: [mantinePreset()],
};
