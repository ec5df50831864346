import { Loaded } from "../../components/Loaded.js";
import { loadPriorityList } from "../../data/priorityLists.js";
import { useLoad } from "../../data/useLoad.js";
import { useTransparencyLang } from "../../i18n/transparency.js";

/**
 * A wave's priority list on the transparency page: who it is for and where it comes from, what
 * its flag does in words (its members first in every round of the draw, docs/draw.md §5; the list
 * and its version fixed at the wave's creation), and how many people on it have
 * registered and how many were invited by SMS: the KPK found a list of 1.7 million laid-off
 * workers that produced only 143,000 registrations.
 */
export function PriorityInvitations({ priority }: { priority: { listId: string; version: number; name: string } }) {
  const { t } = useTransparencyLang();
  const list = useLoad(() => loadPriorityList(priority.listId), [priority.listId]);
  return (
    <section aria-labelledby="priority-title" class="card" data-testid="priority-list">
      <h3 id="priority-title">{t("transparency.priority.title", { name: priority.name })}</h3>
      <p data-testid="priority-rule">{t("transparency.priority.rule", { version: priority.version })}</p>
      <Loaded load={list}>
        {(found) =>
          found === null ? null : (
            <>
              <p>{found.description}</p>
              <p>{t("transparency.priority.source", { source: found.source })}</p>
              <p data-testid="priority-counts">
                {t("transparency.priority.counts", {
                  entries: found.entries.toLocaleString("id-ID"),
                  registered: found.registered.toLocaleString("id-ID"),
                  invited: found.invited.toLocaleString("id-ID"),
                })}
              </p>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
