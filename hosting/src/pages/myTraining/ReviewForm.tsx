import { useState } from "preact/hooks";
import { Field } from "../../components/Field.js";
import { RadioGroup } from "../../components/RadioGroup.js";
import { callReviewTraining } from "../../data/myTraining.js";
import { noticeText } from "../../data/refusals.js";
import { count } from "../../format.js";
import { useMyTrainingLang } from "../../i18n/myTraining.js";
import { actionFailure, type ActionNotice } from "./actionFailure.js";
import { checkReview, errorsByField, RATINGS, type Rating, type ReviewErrors, type ReviewValues } from "./reviewForm.js";

interface Props {
  /** The voucher card's ID, the start of the form's control IDs. */
  id: string;
  redeemCode: string;
  onReviewed(entitled: boolean): void;
  onStale(): void;
}

/**
 * A completed training's rating (1–5) and optional review, checked with the callable's own schema;
 * the first completed and reviewed training makes the participant entitled to the incentives.
 */
export function ReviewForm({ id, redeemCode, onReviewed, onStale }: Props) {
  const { lang, t } = useMyTrainingLang();
  const [values, setValues] = useState<ReviewValues>({ rating: "", text: "" });
  const [errors, setErrors] = useState<ReviewErrors>({});
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const [busy, setBusy] = useState(false);
  const ratingName = `${id}-rating`;
  const textId = `${id}-review`;

  const change = (next: ReviewValues) => {
    setValues(next);
    // Once a field shows a problem, say as soon as it is fixed.
    if (errors.rating || errors.text) {
      const checked = checkReview(redeemCode, next);
      const found = checked.ok ? {} : checked.errors;
      setErrors((shown) => ({ rating: shown.rating && found.rating, text: shown.text && found.text }));
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const checked = checkReview(redeemCode, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      if (checked.errors.rating) document.getElementById(`${ratingName}-${RATINGS[0]}`)?.focus();
      else if (checked.errors.text) document.getElementById(textId)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { entitled } = await callReviewTraining(checked.input);
      onReviewed(entitled);
    } catch (error) {
      const failure = actionFailure("reviewTraining", error);
      if (failure.kind === "fields") setErrors(errorsByField(failure.errors));
      else {
        setNotice(failure);
        if (failure.kind === "refusal") onStale();
      }
      setBusy(false);
    }
  };

  const formError = errors.form?.message[lang];
  return (
    <form class="form review" aria-labelledby={`${id}-review-title`} onSubmit={submit} noValidate>
      <h4 id={`${id}-review-title`}>{t("myTraining.review.title")}</h4>
      <p class="hint">{t("myTraining.review.why")}</p>
      <RadioGroup<Rating>
        name={ratingName}
        legend={t("myTraining.review.rating")}
        options={RATINGS.map((rating) => ({ value: rating, label: t(`myTraining.review.rating.${rating}`) }))}
        value={values.rating}
        error={errors.rating?.message[lang]}
        onChange={(rating) => change({ ...values, rating })}
        onBlur={() => undefined}
      />
      <Field
        id={textId}
        label={t("myTraining.review.text")}
        hint={t("myTraining.review.textHint", { count: count(values.text.length) })}
        error={errors.text?.message[lang]}
      >
        {(control) => <textarea {...control} rows={4} value={values.text} onInput={(event) => change({ ...values, text: event.currentTarget.value })} />}
      </Field>
      {(formError ?? notice) && (
        <p role="alert" class="notice notice-error" data-testid="review-error">
          {formError ?? (notice ? noticeText(notice, lang, t) : "")}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? t("myTraining.review.busy") : t("myTraining.review.submit")}
        </button>
      </div>
    </form>
  );
}
