// A story's evidence files (photos, signed consent forms, recordings), stored by the attachments feature.
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { StoryView } from "../../../common/contracts/stories-views.ts";
import { AttachmentsPanel } from "../../ui/attachments.tsx";
import { storyKeys } from "./story-queries.ts";

export function EvidenceSection({ story }: { story: StoryView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <section className="card" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t("stories.evidence")}</h2>
      <p className="muted">{t("stories.evidenceHint")}</p>
      {story.canEdit && story.status !== "draft" ? (
        <p className="notice notice-warning">
          {t("stories.filesReset", { status: t(`stories.statuses.${story.status}`) })}
        </p>
      ) : null}
      <AttachmentsPanel
        path={`/api/stories/${story.id}/attachments`}
        canChange={story.canEdit}
        initial={story.attachments}
        onChanged={() => void queryClient.invalidateQueries({ queryKey: storyKeys.story(story.id) })}
      />
    </section>
  );
}
