import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useDashboardLang } from "../../i18n/dashboard.js";

export interface Column {
  label: string;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

/**
 * A table with its caption, and a button that copies it as tab-separated text (pastes into a
 * spreadsheet). Each chart on the dashboard has one: the numbers for screen readers and copying.
 */
export function DataTable({
  caption,
  columns,
  rows,
  testId,
}: {
  caption: string;
  columns: Column[];
  rows: Array<{ key: string; cells: ComponentChildren[]; text: string[] }>;
  testId: string;
}) {
  const { t } = useDashboardLang();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    const text = [columns.map((c) => c.label), ...rows.map((row) => row.text)].map((line) => line.join("\t")).join("\n");
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      (error: unknown) => console.error(error),
    );
  };
  return (
    <div class="table-scroll">
      <table class="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={column.label} scope="col" class={column.numeric === true && i > 0 ? "number" : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} class={columns[i]?.numeric === true ? "number" : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="button-secondary" onClick={copy}>
        {t("dashboard.copy")}
      </button>
      <p role="status" class="hint">
        {copied ? t("dashboard.copied") : ""}
      </p>
    </div>
  );
}
