import { prioritySeatsOf } from "@domain/priority.js";
import { Loaded } from "../../components/Loaded.js";
import { loadPriorityList } from "../../data/priorityLists.js";
import { useLoad } from "../../data/useLoad.js";
import { useTransparencyLang } from "../../i18n/transparency.js";

/**
 * A wave's priority list on the transparency page: who it is for and where it comes from, what
 * its share of seats does in words (drawn first among its people, docs/draw.md §7; the list, its
 * version and its share fixed at the wave's creation), and how many people on it have
 * registered and how many were invited by SMS: the KPK found a list of 1.7 million laid-off
 * workers that produced only 143,000 registrations.
 */
export function PriorityInvitations({ priority, quota }: { priority: { listId: string; version: number; name: string; basisPoints: number }; quota: number }) {
  const { t } = useTransparencyLang();
  const list = useLoad(() => loadPriorityList(priority.listId), [priority.listId]);
  return (
    <section aria-labelledby="priority-title" class="card" data-testid="priority-list">
      <h3 id="priority-title">{t("transparency.priority.title", { name: priority.name })}</h3>
      <p data-testid="priority-rule">
        {t("transparency.priority.rule", {
          version: priority.version,
          share: (priority.basisPoints / 100).toLocaleString("id-ID"),
          seats: prioritySeatsOf(quota, priority.basisPoints).toLocaleString("id-ID"),
        })}
      </p>
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
