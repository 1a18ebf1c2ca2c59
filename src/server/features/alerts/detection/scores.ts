// The result shape shared by every detection method, in two forms: per-day objects for callers that
// want readability, and typed arrays for batch work where one object per day would dominate the cost.

export interface DayScore {
  /** Expected count for the day under "nothing unusual". */
  expected: number;
  /** How unusual the day is; higher is more unusual. Scales differ between methods. */
  score: number;
  alert: boolean;
}

export interface SeriesScores {
  expected: Float64Array;
  score: Float64Array;
  /**
   * The score that is compared with the threshold: equal to `score` where the day may alert, lower where
   * a rule holds it back (too few reports, too little history). A day alerts when alertScore > threshold.
   */
  alertScore: Float64Array;
}

export function allocateScores(days: number): SeriesScores {
  return {
    expected: new Float64Array(days),
    score: new Float64Array(days),
    alertScore: new Float64Array(days),
  };
}

export function toDayScores(scores: SeriesScores, threshold: number): DayScore[] {
  const days: DayScore[] = new Array(scores.score.length);
  for (let t = 0; t < days.length; t++) {
    days[t] = {
      expected: scores.expected[t] ?? 0,
      score: scores.score[t] ?? 0,
      alert: (scores.alertScore[t] ?? 0) > threshold,
    };
  }
  return days;
}
