import { type Locale, ROLES, type Role } from "@frontline/common";
import { Select, type SelectProps } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { timeZoneOptions } from "../i18n/format";
import { isLocale, LANGUAGE_OPTIONS } from "../i18n/languages";

type PickerProps<T extends string> = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: T;
  onChange: (value: T) => void;
};

/** One of the five interface languages, each named in itself. */
export function LocaleSelect({ value, onChange, ...props }: PickerProps<Locale>) {
  return (
    <Select
      {...props}
      data={LANGUAGE_OPTIONS}
      value={value}
      onChange={(next) => isLocale(next) && onChange(next)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** An IANA time zone, searchable because there are about four hundred. */
export function TimeZoneSelect({ value, onChange, ...props }: PickerProps<string>) {
  const zones = useMemo(() => timeZoneOptions(value), [value]);
  return (
    <Select
      {...props}
      data={zones}
      value={value}
      onChange={(next) => next && onChange(next)}
      searchable
      allowDeselect={false}
      limit={100}
    />
  );
}

/** Narrows any value to a staff role. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** A staff role, least to most privileged. */
export function RoleSelect({ value, onChange, ...props }: PickerProps<Role>) {
  const { t } = useTranslation();
  const data = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(next) => isRole(next) && onChange(next)}
      allowDeselect={false}
    />
  );
}
