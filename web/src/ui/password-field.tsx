import { PasswordInput, type PasswordInputProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * A password input whose show/hide button has a localized name. Mantine's default name
 * ("Toggle password visibility") also contains "password", which would make a label lookup
 * for the input ambiguous for assistive technology and browser tests alike.
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput {...props} visibilityToggleButtonProps={{ "aria-label": t("auth.showPassword") }} />;
}
