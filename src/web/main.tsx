import "./styles/base.css";
import "./styles/shell.css";
import "./styles/content.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { RouterProvider } from "react-router";
import { createApiClient } from "./api/client.ts";
import { ApiProvider } from "./app/api-context.tsx";
import { createQueryClient } from "./app/query-client.ts";
import { createAppRouter } from "./app/router.tsx";
import { createI18n, preferredLocale, storedLocale } from "./i18n/setup.ts";

const i18n = createI18n(storedLocale(localStorage) ?? preferredLocale(navigator.languages));
document.documentElement.lang = i18n.language;
i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider client={createApiClient()}>
        <QueryClientProvider client={createQueryClient()}>
          <RouterProvider router={createAppRouter()} />
        </QueryClientProvider>
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
);
