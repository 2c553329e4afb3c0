import type { FieldError, SurveyQuestion } from '@mediation/protocol';

export type SurveyAnswers = Record<string, number | boolean | string>;

/** Checks answers against the questions as asked; each problem names its field (`answers.<key>`). */
export function checkSurveyAnswers(questions: SurveyQuestion[], answers: SurveyAnswers): { errors: FieldError[]; clean: SurveyAnswers } {
  const errors: FieldError[] = [];
  const clean: SurveyAnswers = {};
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers))
    if (!known.has(key)) errors.push({ field: `answers.${key}`, message: 'is not a question of this survey', code: 'unrecognized_keys' });
  for (const q of questions) {
    const field = `answers.${q.key}`;
    const value = answers[q.key];
    const blank = value === undefined || (typeof value === 'string' && value.trim() === '');
    if (blank) {
      if (q.required) errors.push({ field, message: 'is required', code: 'invalid_type' });
      continue;
    }
    if (q.kind === 'scale') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < (q.min ?? 1) || value > (q.max ?? 5))
        errors.push({ field, message: `must be a whole number from ${q.min ?? 1} to ${q.max ?? 5}`, code: 'invalid_value' });
      else clean[q.key] = value;
    } else if (q.kind === 'yes-no') {
      if (typeof value !== 'boolean') errors.push({ field, message: 'must be true or false', code: 'invalid_type' });
      else clean[q.key] = value;
    } else if (typeof value !== 'string') errors.push({ field, message: 'must be text', code: 'invalid_type' });
    else if (value.trim().length > (q.max ?? 2000)) errors.push({ field, message: `must be at most ${q.max ?? 2000} characters`, code: 'too_big' });
    else clean[q.key] = value.trim();
  }
  return { errors, clean };
}
