import { type CustomField, checkCustomFields, type Ticket } from "@frontline/common";
import { Button, Checkbox, Group, Loader, NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { customFieldsQuery } from "../../api/queries";
import type { useTicketUpdate } from "./use-ticket-update";

interface CustomFieldsEditorProps {
  ticket: Ticket;
  updater: ReturnType<typeof useTicketUpdate>;
  readOnly: boolean;
}

type Edits = Record<string, unknown>;

/**
 * The organisation's ticket fields, edited together and saved with one button: a required field
 * and its neighbours are often filled in at once, and a half-saved set would trip the required check.
 */
export function CustomFieldsEditor({ ticket, updater, readOnly }: CustomFieldsEditorProps) {
  const { t } = useTranslation();
  const definitions = useQuery(customFieldsQuery("ticket"));
  const [edits, setEdits] = useState<Edits>({});
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const fields = (definitions.data ?? []).filter((field) => field.active);

  if (definitions.isPending) return <Loader size="xs" aria-label={t("common.loading")} />;
  if (fields.length === 0) return null;

  const currentValue = (key: string) => (key in edits ? edits[key] : ticket.customFields[key]);
  const dirty = Object.keys(edits).length > 0;

  function edit(key: string, value: unknown) {
    setEdits((current) => ({ ...current, [key]: value }));
    setLocalErrors((current) => {
      const { [key]: _gone, ...rest } = current;
      return rest;
    });
  }

  async function save() {
    // The same check the server runs, so most mistakes are named before sending, in the reader's language.
    const { errors } = checkCustomFields(fields, edits, ticket.customFields);
    const local: Record<string, string> = {};
    for (const path of Object.keys(errors)) {
      const key = path.replace(/^customFields\./, "");
      const value = currentValue(key);
      local[key] =
        value === undefined || value === null || value === "" ? t("validation.required") : t("validation.invalid");
    }
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    const saved = await updater.update({ customFields: edits });
    if (saved) setEdits({});
  }

  return (
    <Stack gap="sm">
      <Text size="sm" fw={600}>
        {t("ticket.properties.customFields")}
      </Text>
      {fields.map((field) => (
        <FieldInput
          key={field.id}
          field={field}
          value={currentValue(field.key)}
          onChange={(value) => edit(field.key, value)}
          error={localErrors[field.key] ?? updater.fieldErrors[`customFields.${field.key}`]}
          disabled={readOnly}
        />
      ))}
      {dirty && (
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={() => setEdits({})} disabled={updater.pending}>
            {t("ticket.properties.discard")}
          </Button>
          <Button size="xs" onClick={() => void save()} loading={updater.pending}>
            {t("ticket.properties.saveFields")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface FieldInputProps {
  field: CustomField;
  value: unknown;
  onChange: (value: unknown) => void;
  error: string | undefined;
  disabled: boolean;
}

/** One input per field type; an emptied input clears the value (null). */
function FieldInput({ field, value, onChange, error, disabled }: FieldInputProps) {
  const common = { label: field.label, withAsterisk: field.required, error, disabled };
  switch (field.type) {
    case "text":
      return (
        <TextInput
          {...common}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value === "" ? null : e.currentTarget.value)}
        />
      );
    case "number":
      return (
        <NumberInput
          {...common}
          value={typeof value === "number" ? value : ""}
          onChange={(v) => onChange(typeof v === "number" ? v : null)}
        />
      );
    case "date":
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case "dropdown":
      return (
        <Select
          {...common}
          // A value stored before its option was removed must still show.
          data={typeof value === "string" && !field.options.includes(value) ? [...field.options, value] : field.options}
          value={typeof value === "string" ? value : null}
          onChange={(v) => onChange(v)}
          clearable
        />
      );
    case "checkbox":
      return (
        <Checkbox
          label={field.label}
          error={error}
          disabled={disabled}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
  }
}
