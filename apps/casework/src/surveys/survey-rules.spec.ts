import { checkSurveyAnswers } from './survey-answers';
import { surveyQuestionsFor } from './survey-questions';
import { issuedSurveyToken, surveyLink, surveyToken, surveyTokenHash } from './survey-token';
import { SurveyTokenParamsSchema } from '@mediation/protocol';

describe('survey tokens', () => {
  const key = 'a-survey-token-key-of-at-least-32-chars';
  const ids = Array.from({ length: 200 }, (_, n) => `01a30000-0000-7000-8000-${String(n).padStart(12, '0')}`);

  it('are 43 url-safe characters, one per invitation, and match the route’s pattern', () => {
    const tokens = new Set(ids.map((id) => surveyToken(key, id)));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(SurveyTokenParamsSchema.safeParse({ token }).success).toBe(true);
  });

  it('are made again from the invitation id under the same key, and differ under another key', () => {
    expect(surveyToken(key, ids[0])).toBe(surveyToken(key, ids[0]));
    expect(surveyToken(`${key}-rotated`, ids[0])).not.toBe(surveyToken(key, ids[0]));
    expect(surveyToken(key, ids[0])).not.toContain(ids[0]);
  });

  it('are stored as a SHA-256 hex digest, never as themselves', () => {
    const token = surveyToken(key, ids[0]);
    expect(surveyTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(surveyTokenHash(token)).not.toContain(token);
    expect(surveyTokenHash(token)).toBe(surveyTokenHash(token));
  });

  it('are found again under whichever listed key issued them, newest first, and under none once that key is dropped', () => {
    const newer = `${key}-newer`;
    const stored = surveyTokenHash(surveyToken(key, ids[0]));
    expect(issuedSurveyToken([newer, key], ids[0], stored)).toBe(surveyToken(key, ids[0]));
    expect(issuedSurveyToken([key, newer], ids[0], stored)).toBe(surveyToken(key, ids[0]));
    expect(issuedSurveyToken([newer], ids[0], stored)).toBeUndefined();
    expect(issuedSurveyToken([newer, key], ids[1], stored)).toBeUndefined();
    expect(issuedSurveyToken([], ids[0], stored)).toBeUndefined();
  });

  it('make a link under the public URL, with or without its trailing slash', () => {
    expect(surveyLink('https://api.example/', 'abc')).toBe('https://api.example/v1/surveys/abc');
    expect(surveyLink('https://api.example', 'abc')).toBe('https://api.example/v1/surveys/abc');
  });
});

describe('survey answers', () => {
  const questions = surveyQuestionsFor('possession');

  it('every template asks satisfaction, recommendation and being heard, then free text last', () => {
    expect(questions.map((q) => q.key)).toEqual(['satisfaction', 'wouldRecommend', 'feltHeard', 'comments']);
    expect(surveyQuestionsFor('housing-asb').map((q) => q.key)).toContain('situationImproved');
  });

  it('accepts a full answer and trims the text', () => {
    expect(checkSurveyAnswers(questions, { satisfaction: 4, wouldRecommend: false, feltHeard: true, comments: ' ok ' })).toEqual({
      errors: [],
      clean: { satisfaction: 4, wouldRecommend: false, feltHeard: true, comments: 'ok' },
    });
  });

  it('leaves out an empty optional answer', () => {
    expect(checkSurveyAnswers(questions, { satisfaction: 1, wouldRecommend: false, feltHeard: false, comments: '   ' }).clean).not.toHaveProperty('comments');
  });

  it.each([
    [{ satisfaction: 0 }, 'answers.satisfaction'],
    [{ satisfaction: 6 }, 'answers.satisfaction'],
    [{ satisfaction: 3.5 }, 'answers.satisfaction'],
    [{ satisfaction: '5' }, 'answers.satisfaction'],
    [{ wouldRecommend: 'yes' }, 'answers.wouldRecommend'],
    [{ comments: 'x'.repeat(2001) }, 'answers.comments'],
    [{ comments: 5 }, 'answers.comments'],
    [{ mood: 'great' }, 'answers.mood'],
  ])('refuses %j naming %s', (bad, field) => {
    const { errors } = checkSurveyAnswers(questions, { satisfaction: 3, wouldRecommend: true, feltHeard: true, ...(bad as unknown as Record<string, never>) });
    expect(errors.map((e) => e.field)).toEqual([field]);
  });

  it('names every missing required answer', () => {
    expect(checkSurveyAnswers(questions, {}).errors.map((e) => e.field)).toEqual(['answers.satisfaction', 'answers.wouldRecommend', 'answers.feltHeard']);
  });
});
