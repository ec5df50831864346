import type { CataloguePage, CatalogueTraining } from "@schemas/catalogue.js";
import { useEffect, useState } from "preact/hooks";
import { filtersFrom, LEARNING_METHODS, loadCataloguePage, searchOf, type CatalogueFilters, type LearningMethod } from "../../data/catalogue.js";
import { useLoad } from "../../data/useLoad.js";
import { regionName } from "../../format.js";
import { useCatalogueLang } from "../../i18n/catalogue.js";
import { PATHS } from "../../router.js";
import { TrainingCard } from "./TrainingCard.js";

type Listing = { state: "loading" } | { state: "failed" } | { state: "ready"; trainings: CatalogueTraining[]; searched: string | null; next: string | null };

// The 38 provinces come with the region table (~55 KB): fetched only once someone filters in-person trainings.
const loadProvinces = async () => {
  const { allProvinces } = await import("@domain/regions/index.js");
  return allProvinces()
    .map(({ code, name }) => ({ code, name: regionName(name) }))
    .sort((a, b) => a.name.localeCompare(b.name, "id"));
};

/**
 * /pelatihan: the public catalogue with a search box and filters. The filters live in the address
 * (`?q=barista&method=offline`), so a filtered list can be shared and the back button keeps it.
 */
export function CatalogueListPage() {
  const { t } = useCatalogueLang();
  const [filters, setFilters] = useState<CatalogueFilters>(() => filtersFrom(location.search));
  const [typed, setTyped] = useState(filters.q);
  const [listing, setListing] = useState<Listing>({ state: "loading" });
  const [more, setMore] = useState<"idle" | "loading" | "failed">("idle");
  const search = searchOf(filters);

  useEffect(() => {
    let current = true;
    history.replaceState(null, "", `${PATHS.catalogue}${search}`);
    setListing({ state: "loading" });
    setMore("idle");
    loadCataloguePage(filters, null).then(
      (page) => current && setListing({ state: "ready", ...page }),
      (error: unknown) => {
        console.error(error);
        if (current) setListing({ state: "failed" });
      },
    );
    return () => {
      current = false;
    };
  }, [search]);

  const loadMore = async (cursor: string) => {
    setMore("loading");
    try {
      const page: CataloguePage = await loadCataloguePage(filters, cursor);
      setListing((shown) => (shown.state === "ready" ? { ...shown, trainings: [...shown.trainings, ...page.trainings], next: page.next } : shown));
      setMore("idle");
    } catch (error) {
      console.error(error);
      setMore("failed");
    }
  };

  const change = (next: Partial<CatalogueFilters>) => setFilters((current) => ({ ...current, ...next }));

  return (
    <section aria-labelledby="catalogue-page-title">
      <h1 id="catalogue-page-title">{t("catalogue.title")}</h1>
      <p>{t("catalogue.intro")}</p>
      <form
        role="search"
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          change({ q: typed });
        }}
      >
        <div class="field">
          <label for="catalogue-q">{t("catalogue.search")}</label>
          <p id="catalogue-q-hint" class="hint">
            {t("catalogue.searchHint")}
          </p>
          <div class="actions">
            <input
              id="catalogue-q"
              type="search"
              name="q"
              maxLength={100}
              value={typed}
              aria-describedby="catalogue-q-hint"
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
            <button type="submit">{t("catalogue.searchButton")}</button>
          </div>
        </div>
        <div class="field">
          <label for="catalogue-method">{t("catalogue.method")}</label>
          <select id="catalogue-method" value={filters.method} onChange={(event) => change({ method: event.currentTarget.value as LearningMethod | "" })}>
            <option value="">{t("catalogue.methodAll")}</option>
            {LEARNING_METHODS.map((method) => (
              <option key={method} value={method}>
                {t(`catalogue.method.${method}`)}
              </option>
            ))}
          </select>
        </div>
        {filters.method === "offline" && <ProvinceSelect value={filters.province} onChange={(province) => change({ province })} />}
        {filters.category !== "" && (
          <p>
            <button type="button" class="button-quiet" onClick={() => change({ category: "" })} data-testid="category-filter">
              {t("catalogue.categoryFilter", { category: filters.category })}
            </button>
          </p>
        )}
      </form>

      <h2 id="catalogue-results">{t("catalogue.results")}</h2>
      {listing.state === "loading" && (
        <p role="status" class="muted">
          {t("common.loading")}
        </p>
      )}
      {listing.state === "failed" && (
        <p role="alert" class="notice notice-error">
          {t("common.loadFailed")}
        </p>
      )}
      {listing.state === "ready" && (
        <>
          {listing.searched !== null && (
            <p class="muted" data-testid="catalogue-searched">
              {t("catalogue.searched", { word: listing.searched })}
            </p>
          )}
          {listing.trainings.length === 0 ? (
            <p class="muted" data-testid="catalogue-none">
              {t("catalogue.none")}
            </p>
          ) : (
            <ul class="cards" aria-labelledby="catalogue-results" data-testid="catalogue-list">
              {listing.trainings.map((training) => (
                <TrainingCard key={training.courseCode} training={training} onCategory={(category) => change({ category })} />
              ))}
            </ul>
          )}
          {listing.next !== null && (
            <p>
              <button type="button" disabled={more === "loading"} onClick={() => void loadMore(listing.next!)}>
                {more === "loading" ? t("common.loading") : t("catalogue.more")}
              </button>
            </p>
          )}
          {more === "failed" && (
            <p role="alert" class="notice notice-error">
              {t("common.loadFailed")}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function ProvinceSelect({ value, onChange }: { value: string; onChange(province: string): void }) {
  const { t } = useCatalogueLang();
  const provinces = useLoad(loadProvinces, []);
  return (
    <div class="field">
      <label for="catalogue-province">{t("catalogue.province")}</label>
      <select id="catalogue-province" value={value} disabled={provinces.state !== "ready"} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{provinces.state === "loading" ? t("common.loading") : t("catalogue.provinceAll")}</option>
        {provinces.state === "ready" &&
          provinces.value.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
      </select>
    </div>
  );
}
