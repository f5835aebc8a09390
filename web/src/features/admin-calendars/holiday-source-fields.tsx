import { Select, SimpleGrid } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { holidayCountriesQuery } from "./calendar-queries";

interface HolidaySourceFieldsProps {
  country: string | null;
  region: string | null;
  onChange: (country: string | null, region: string | null) => void;
  countryError?: string | undefined;
  regionError?: string | undefined;
}

/** Whose public holidays close the calendar: a country, and optionally one of its regions. */
export function HolidaySourceFields({
  country,
  region,
  onChange,
  countryError,
  regionError,
}: HolidaySourceFieldsProps) {
  const { t, i18n } = useTranslation();
  const countries = useQuery(holidayCountriesQuery(i18n.language));
  const chosen = countries.data?.find((c) => c.code === country);
  const regions = chosen?.regions ?? [];

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t("calendars.holidayCountry")}
        description={t("calendars.holidayCountryHint")}
        placeholder={t("calendars.holidayCountryNone")}
        data={(countries.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
        value={country}
        onChange={(next) => onChange(next, null)}
        searchable
        clearable
        nothingFoundMessage={t("calendars.nothingFound")}
        disabled={countries.isPending}
        error={countryError}
        comboboxProps={{ withinPortal: true }}
        limit={300}
      />
      {regions.length > 0 && (
        <Select
          label={t("calendars.holidayRegion")}
          description={t("calendars.holidayRegionHint")}
          placeholder={t("calendars.holidayRegionAll")}
          data={regions.map((r) => ({ value: r.code, label: r.name }))}
          value={region}
          onChange={(next) => onChange(country, next)}
          searchable
          clearable
          nothingFoundMessage={t("calendars.nothingFound")}
          error={regionError}
          comboboxProps={{ withinPortal: true }}
        />
      )}
    </SimpleGrid>
  );
}
