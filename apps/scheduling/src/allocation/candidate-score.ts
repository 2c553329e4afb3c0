/** Hours free in the window that earn full marks for availability. */
const FULL_AVAILABILITY_HOURS = 20;

export interface CandidateFacts {
  skills: readonly string[];
  languages: readonly string[];
  freeHours: number;
  activeCases: number;
  maxCaseload: number;
}

export interface Wanted {
  skills: readonly string[];
  language?: string;
}

export interface ScoreBreakdown {
  skills: number;
  language: number;
  availability: number;
  caseload: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Scores out of 100: skills 30, language 20, availability 25, room in the caseload 25. */
export function scoreCandidate(facts: CandidateFacts, wanted: Wanted): { score: number; breakdown: ScoreBreakdown } {
  const matched = wanted.skills.filter((s) => facts.skills.includes(s)).length;
  const breakdown: ScoreBreakdown = {
    skills: round(wanted.skills.length === 0 ? 30 : (30 * matched) / wanted.skills.length),
    language: !wanted.language || facts.languages.includes(wanted.language) ? 20 : 0,
    availability: round(25 * Math.min(1, facts.freeHours / FULL_AVAILABILITY_HOURS)),
    caseload: round(25 * Math.max(0, 1 - facts.activeCases / facts.maxCaseload)),
  };
  return { score: round(breakdown.skills + breakdown.language + breakdown.availability + breakdown.caseload), breakdown };
}
