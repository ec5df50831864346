/**
 * Runs a check that a field runs when it loses focus once the tap that moved the focus is over.
 * The check may show a message under the field; shown between the press and the release of a
 * tap on the button further down, it would move the button away under the finger, and the tap
 * would land on nothing. Keyboard focus changes are checked at once.
 */

let pressed = false;
let waiting: Array<() => void> = [];
let fallback: ReturnType<typeof setTimeout> | undefined;

function settle(): void {
  pressed = false;
  clearTimeout(fallback);
  const checks = waiting;
  waiting = [];
  // A task later: after the click's own handlers (the form's submit) have run.
  if (checks.length > 0) setTimeout(() => checks.forEach((check) => check()), 0);
}

if (typeof addEventListener === "function") {
  const capture = { capture: true, passive: true };
  addEventListener(
    "pointerdown",
    () => {
      pressed = true;
      clearTimeout(fallback);
    },
    capture,
  );
  // A tap ends with its click; on touch screens the click (and the focus change) come after
  // pointerup. A drag or a scroll has no click: pointercancel, or the fallback, ends it.
  addEventListener("click", settle, capture);
  addEventListener("pointercancel", settle, capture);
  addEventListener("pointerup", () => (fallback = setTimeout(settle, 700)), capture);
}

export function afterTap(check: () => void): void {
  if (pressed) waiting.push(check);
  else check();
}
