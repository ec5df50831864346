import { count } from "../../format.js";
import { useTransparencyLang } from "../../i18n/transparency.js";

interface Props {
  summary: string;
  pages: Array<{ href: string; count: number }>;
  testId: string;
}

/** A national pool has hundreds of pages: folded away until someone wants them. */
export function PageLinks({ summary, pages, testId }: Props) {
  const { t } = useTransparencyLang();
  return (
    <details class="page-links" data-testid={testId}>
      <summary>{summary}</summary>
      <ol class="plain-list">
        {pages.map((page, index) => (
          <li key={page.href}>
            <a href={page.href} type="application/json">
              {t("transparency.page", { page: index + 1, count: count(page.count) })}
            </a>
          </li>
        ))}
      </ol>
    </details>
  );
}
