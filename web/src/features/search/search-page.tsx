import { Center, EmptyState, Group, Loader, Stack, Text } from "@mantine/core";
import { IconSearch, IconSearchOff } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys";
import { type SearchRequest, searchEverything } from "../../api/search";
import { isolateDirection } from "../../i18n/format";
import { Page } from "../../ui/page";
import { QueryError } from "../../ui/query-error";
import { SearchFilters } from "./search-filters";
import { customersWanted, filtersTickets, type SearchPageSearch } from "./search-params";
import { SearchResults } from "./search-results";

const route = getRouteApi("/signed-in/search");

/** Results of the header's search box: the words and filters live in the address bar. */
export function SearchPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/search" });
  const { q, ...filters } = search;
  const request: SearchRequest | null = q ? { q, ...filters } : null;
  const results = useQuery({
    queryKey: queryKeys.search(request ?? {}),
    queryFn: ({ signal }) => searchEverything(request ?? { q: "" }, signal),
    enabled: request !== null,
    // While a filter changes, the last results stay on screen rather than flashing empty.
    placeholderData: keepPreviousData,
  });

  function changeFilters(patch: Partial<SearchPageSearch>) {
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  }

  return (
    <Page title={q ? t("search.resultsFor", { q: isolateDirection(q) }) : t("search.title")}>
      <SearchFilters search={search} onChange={changeFilters} />
      {!q && (
        <Center mih="30vh">
          <EmptyState
            icon={<IconSearch size={28} />}
            withIndicatorBackground
            title={t("search.startTitle")}
            description={t("search.startDescription")}
          />
        </Center>
      )}
      {results.error && <QueryError error={results.error} onRetry={() => void results.refetch()} />}
      {request && results.isPending && <Loader size="sm" aria-label={t("common.loading")} />}
      {request && results.data && !results.error && (
        <Stack gap="sm" aria-busy={results.isFetching}>
          {filtersTickets(search) && customersWanted(search) && (
            <Text size="xs" c="dimmed">
              {t("search.customersLeftOut")}
            </Text>
          )}
          {results.data.length === 0 ? (
            <Center mih="30vh">
              <EmptyState
                icon={<IconSearchOff size={28} />}
                withIndicatorBackground
                title={t("search.emptyTitle", { q: isolateDirection(q ?? "") })}
                description={t("search.emptyDescription")}
              />
            </Center>
          ) : (
            <SearchResults results={results.data} />
          )}
          {results.isFetching && (
            <Group>
              <Loader size={10} aria-hidden />
            </Group>
          )}
        </Stack>
      )}
    </Page>
  );
}
