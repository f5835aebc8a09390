import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./app/global.css";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { configureApi } from "./api/client";
import { Providers } from "./app/providers";
import { createQueryClient } from "./app/query-client";
import { createAppRouter } from "./app/router";
import { onSessionEnded } from "./app/session-end";
import { currentLocale, setupI18n } from "./i18n/setup";

setupI18n();
const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
configureApi({ language: currentLocale, onUnauthorized: onSessionEnded(router, queryClient) });

const root = document.getElementById("root");
if (!root) throw new Error("index.html must contain #root");

createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
