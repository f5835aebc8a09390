import { type Customer, roleAtLeast } from "@frontline/common";
import { Badge, Switch, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { updateCustomer } from "../../api/customers";
import { queryKeys } from "../../api/query-keys";
import { notifyError, notifySuccess } from "../../ui/notify";
import { useMe } from "../auth/use-me";

/**
 * Whether a customer is VIP (rules may treat their tickets first): a switch for supervisors and
 * above, who decide it, and the plain answer for everyone else.
 */
export function CustomerVip({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const mark = useMutation({
    mutationFn: (vip: boolean) => updateCustomer(customer.id, { vip }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.customers.detail(saved.id), saved);
      notifySuccess(t(saved.vip ? "customers.vipMarked" : "customers.vipUnmarked", { name: saved.name }));
    },
    onError: notifyError,
  });
  if (!roleAtLeast(me.role, "supervisor")) {
    return customer.vip ? (
      <Badge color="yellow" variant="light" size="sm">
        {t("customers.vip")}
      </Badge>
    ) : (
      <Text span size="sm">
        {t("common.no")}
      </Text>
    );
  }
  return (
    <Switch
      size="sm"
      checked={customer.vip}
      disabled={mark.isPending}
      onChange={(e) => mark.mutate(e.currentTarget.checked)}
      aria-label={t("customers.vipToggle", { name: customer.name || customer.email || "" })}
    />
  );
}
