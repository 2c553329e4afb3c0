import { checkSurveyAnswers } from './survey-answers';
import { surveyQuestionsFor } from './survey-questions';
import { newSurveyToken, surveyLink, surveyTokenHash } from './survey-token';
import { SurveyTokenParamsSchema } from '@mediation/protocol';

describe('survey tokens', () => {
  it('are 43 url-safe characters, different every time, and match the route’s pattern', () => {
    const tokens = new Set(Array.from({ length: 200 }, newSurveyToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(SurveyTokenParamsSchema.safeParse({ token }).success).toBe(true);
  });

  it('are stored as a SHA-256 hex digest, never as themselves', () => {
    const token = newSurveyToken();
    expect(surveyTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(surveyTokenHash(token)).not.toContain(token);
    expect(surveyTokenHash(token)).toBe(surveyTokenHash(token));
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
    expect(checkSurveyAnswers(questions, { satisfaction: 4, wouldRecommend: false, feltHeard: true, comments: ' ok ' })).toEqual({ errors: [], clean: { satisfaction: 4, wouldRecommend: false, feltHeard: true, comments: 'ok' } });
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
