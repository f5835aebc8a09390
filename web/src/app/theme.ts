import { createTheme } from "@mantine/core";

/**
 * A dense console: Mantine's defaults, one step smaller. Supervisors keep many rows on screen,
 * so inputs, buttons and tables default to `sm`/`xs` rather than `md`.
 */
export const theme = createTheme({
  primaryColor: "blue",
  defaultRadius: "sm",
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif',
  components: {
    Button: { defaultProps: { size: "sm" } },
    TextInput: { defaultProps: { size: "sm" } },
    PasswordInput: { defaultProps: { size: "sm" } },
    Select: { defaultProps: { size: "sm" } },
    MultiSelect: { defaultProps: { size: "sm" } },
    Textarea: { defaultProps: { size: "sm" } },
    Autocomplete: { defaultProps: { size: "sm" } },
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: "sm", fz: "sm" } },
    Modal: { defaultProps: { centered: true } },
    NavLink: { defaultProps: { py: 6 } },
  },
});
