import type { SurveyQuestion } from '@mediation/protocol';

export const SURVEY_TITLE = 'How was your experience of our mediation service?';

/** Asked of every party: the satisfaction KPIs count `satisfaction` of 4 or 5 as satisfactory feedback. */
const COMMON: SurveyQuestion[] = [
  {
    key: 'satisfaction',
    text: 'Overall, how satisfied are you with the mediation service?',
    kind: 'scale',
    required: true,
    min: 1,
    max: 5,
    labels: { '1': 'Very dissatisfied', '3': 'Neither', '5': 'Very satisfied' },
  },
  { key: 'wouldRecommend', text: 'Would you recommend the service to someone in a similar situation?', kind: 'yes-no', required: true },
  { key: 'feltHeard', text: 'Did you feel listened to, and that your views were heard?', kind: 'yes-no', required: true },
];

const COMMENTS: SurveyQuestion = { key: 'comments', text: 'Is there anything else you would like to tell us?', kind: 'text', required: false, max: 2000 };

/** Extra questions where a template's outcomes depend on them (housing spec §2: "satisfactory feedback from at least one party"). */
const BY_TEMPLATE: Record<string, SurveyQuestion[]> = {
  'housing-asb': [{ key: 'situationImproved', text: 'Has the situation with your neighbour improved since we got involved?', kind: 'yes-no', required: false }],
};

/** The questions for a case of this template, in the order they are asked. */
export function surveyQuestionsFor(template: string | null): SurveyQuestion[] {
  return [...COMMON, ...(BY_TEMPLATE[template ?? ''] ?? []), COMMENTS];
}
