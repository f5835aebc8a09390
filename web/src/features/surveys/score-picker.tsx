import { Group, Radio, SimpleGrid, Stack, Text } from "@mantine/core";

interface Choice {
  value: number;
  /** Read aloud and shown under the number, e.g. "Good". */
  label?: string;
}

interface ScorePickerProps {
  label: string;
  choices: Choice[];
  value: number | null;
  onChange: (value: number) => void;
  /** Columns on a phone and from a small tablet up. */
  cols: { base: number; sm: number };
  /** Words under the two ends of the scale ("not at all likely" … "extremely likely"). */
  ends?: [string, string];
  /** Show `ends` only where the choices' own labels are hidden (phones), since they say the same. */
  endsOnPhonesOnly?: boolean;
  testId: string;
}

/** A row of large cards to tap, one per score: a radio group, so keyboards and screen readers work it too. */
export function ScorePicker({
  label,
  choices,
  value,
  onChange,
  cols,
  ends,
  endsOnPhonesOnly,
  testId,
}: ScorePickerProps) {
  return (
    <Radio.Group
      label={label}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(Number(next))}
      labelProps={{ mb: "xs", fz: "md", fw: 600 }}
      data-testid={testId}
    >
      <Stack gap={6}>
        <SimpleGrid cols={cols} spacing={6} verticalSpacing={6}>
          {choices.map((c) => (
            <Radio.Card
              key={c.value}
              value={String(c.value)}
              radius="md"
              aria-label={c.label ? `${c.value} – ${c.label}` : String(c.value)}
              mih={{ base: 56, xs: c.label ? 76 : 56 }}
              px={2}
              py={8}
              style={{
                display: "flex",
                flexDirection: "column",
                alignItems: "center",
                justifyContent: "center",
                backgroundColor: value === c.value ? "var(--mantine-color-blue-light)" : undefined,
                borderColor: value === c.value ? "var(--mantine-color-blue-filled)" : undefined,
              }}
            >
              <Text fz={22} fw={700} lh={1.1}>
                {c.value}
              </Text>
              {c.label && (
                // A phone has no room for a word under each number: the ends below name the scale instead.
                <Text fz={11} lh={1.2} ta="center" c="dimmed" visibleFrom="xs" style={{ hyphens: "auto" }}>
                  {c.label}
                </Text>
              )}
            </Radio.Card>
          ))}
        </SimpleGrid>
        {ends && (
          <Group justify="space-between" gap="xs" wrap="nowrap" hiddenFrom={endsOnPhonesOnly ? "xs" : undefined}>
            <Text size="xs" c="dimmed">
              {ends[0]}
            </Text>
            <Text size="xs" c="dimmed" ta="end">
              {ends[1]}
            </Text>
          </Group>
        )}
      </Stack>
    </Radio.Group>
  );
}
