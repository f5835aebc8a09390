import { CloseButton, Group, Loader, Paper, Progress, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconPaperclip } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatFileSize } from "../../ui/file-size";
import { useFormatters } from "../../ui/use-formatters";
import { describeUploadError, type Upload } from "./uploads";

/** The files chosen for the message: name, size, progress or the reason it was refused, and a way to remove each. */
export function AttachmentList({ uploads, onRemove }: { uploads: Upload[]; onRemove: (key: string) => void }) {
  const { t } = useTranslation();
  if (uploads.length === 0) return null;
  return (
    <Group
      component="ul"
      aria-label={t("attachments.list")}
      gap="xs"
      align="flex-start"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
    >
      {uploads.map((upload) => (
        <UploadChip key={upload.key} upload={upload} onRemove={() => onRemove(upload.key)} />
      ))}
    </Group>
  );
}

function UploadChip({ upload, onRemove }: { upload: Upload; onRemove: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const failed = upload.state === "failed";
  const problem = failed ? describeUploadError(upload.error, t) : null;
  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      px={8}
      py={4}
      maw={340}
      aria-label={upload.name}
      bg={failed ? "var(--mantine-color-red-light)" : undefined}
      style={failed ? { borderColor: "var(--mantine-color-red-filled)" } : undefined}
    >
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap">
          {upload.state === "uploading" ? (
            <Loader size={12} aria-hidden style={{ flexShrink: 0 }} />
          ) : failed ? (
            <IconAlertCircle size={14} color="var(--mantine-color-red-filled)" aria-hidden style={{ flexShrink: 0 }} />
          ) : (
            <IconPaperclip size={14} aria-hidden style={{ flexShrink: 0 }} />
          )}
          <Text size="xs" fw={500} truncate dir="auto" title={upload.name} miw={0}>
            {upload.name}
          </Text>
          {/* A number and a Latin unit: kept in that order in right-to-left text too. */}
          <Text size="xs" c="dimmed" dir="ltr" style={{ flexShrink: 0 }}>
            {formatFileSize(upload.size, format.number)}
          </Text>
          <CloseButton size="xs" aria-label={t("attachments.remove", { name: upload.name })} onClick={onRemove} />
        </Group>
        {upload.state === "uploading" && (
          <Progress
            value={Math.round(upload.progress * 100)}
            size="xs"
            animated={upload.progress >= 1}
            aria-label={t("attachments.uploading", { name: upload.name })}
          />
        )}
        {problem && (
          <div role="alert">
            <Text size="xs" c="red">
              {problem.message}
            </Text>
            {/* The server's own words, in English: their direction is their own. */}
            {problem.detail && (
              <Text size="xs" c="dimmed" dir="auto">
                {problem.detail}
              </Text>
            )}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
