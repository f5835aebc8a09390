// Mantine's mixins (rtl, light/dark, breakpoints) and rem() rely on this preset.
module.exports = {
  plugins: {
    "postcss-preset-mantine": {},
  },
};
