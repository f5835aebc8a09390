import type { Skill } from "@frontline/common";
import {
  ActionIcon,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-error";
import { skillsQuery } from "../../api/queries";
import { queryKeys } from "../../api/query-keys";
import { createSkill } from "../../api/routing";
import { notifyError, notifySuccess } from "../../ui/notify";
import { QueryError } from "../../ui/query-error";
import { useFormatters } from "../../ui/use-formatters";
import { DeleteSkillModal, RenameSkillModal } from "./skill-modals";

/** The organisation's skills: add, rename, delete; how many agents have each. */
export function SkillsTab() {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const skills = useQuery(skillsQuery);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const [renaming, setRenaming] = useState<Skill | null>(null);
  const [deleting, setDeleting] = useState<Skill | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t("validation.required"));
      return;
    }
    setPending(true);
    try {
      const skill = await createSkill(name.trim());
      await queryClient.invalidateQueries({ queryKey: queryKeys.routing.skills });
      notifySuccess(t("routing.skills.created", { name: skill.name }));
      setName("");
    } catch (error) {
      if (error instanceof ApiError && error.fields.name) setNameError(error.fields.name.join(" "));
      else notifyError(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <Stack gap="md" maw={720}>
      <form onSubmit={add} noValidate>
        <Group align="flex-start" gap="xs">
          <TextInput
            aria-label={t("routing.skills.name")}
            placeholder={t("routing.skills.namePlaceholder")}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameError(undefined);
            }}
            error={nameError}
            maxLength={60}
            style={{ flex: 1 }}
          />
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={pending}>
            {t("routing.skills.add")}
          </Button>
        </Group>
      </form>
      {skills.error && <QueryError error={skills.error} onRetry={() => void skills.refetch()} />}
      {skills.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      {skills.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("routing.skills.empty")}
        </Text>
      )}
      {skills.data && skills.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table data-testid="routing-skills">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("routing.skills.name")}</Table.Th>
                <Table.Th ta="end">{t("routing.skills.agents")}</Table.Th>
                <Table.Th w={96}>
                  <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {skills.data.map((skill) => (
                <Table.Tr key={skill.id}>
                  <Table.Td fw={500}>{skill.name}</Table.Td>
                  <Table.Td ta="end">{format.number(skill.agentCount)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label={t("routing.skills.renameNamed", { name: skill.name })} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t("routing.skills.renameNamed", { name: skill.name })}
                          onClick={() => setRenaming(skill)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t("routing.skills.deleteNamed", { name: skill.name })} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("routing.skills.deleteNamed", { name: skill.name })}
                          onClick={() => setDeleting(skill)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {renaming && <RenameSkillModal skill={renaming} onClose={() => setRenaming(null)} />}
      {deleting && <DeleteSkillModal skill={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}
