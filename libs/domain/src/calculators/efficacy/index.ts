// Public API of the efficacy instruments (issue 4). Decisions and sources: README.md in this folder.
export { scoreComparator, type ComparisonComponents, type ScoreComparator, type ScoreComparison } from './common/compare.js';

export * from './sledai-2k/descriptors.js';
export * from './sledai-2k/sledai-2k.js';
export * from './sri-4/bilag-2004.js';
export * from './sri-4/sri.js';
export * from './mrss/mrss.js';
export * from './bvas-v3/items.js';
export * from './bvas-v3/bvas-v3.js';
export * from './mg-adl/mg-adl.js';
export * from './qmg/qmg.js';
export { gradeAtLeast, gradeSpeech, GRIP_KG, type Grade as QmgGrade } from './qmg/bands.js';
export * from './igg4-rd-ri/igg4-rd-ri.js';
export * from './myositis-tis/points.js';
export * from './myositis-tis/total-improvement-score.js';
export * from './aiha-response/criteria.schema.js';
export * from './aiha-response/aiha-response.js';
export * from './aiha-response/overall-response-rate.js';
export * from './ecog/ecog.js';
export * from './sle-classification-2019/criteria.js';
export * from './sle-classification-2019/classify.js';
export * from './ln-renal-response/criteria.schema.js';
export * from './ln-renal-response/renal-response.js';
export * from './pah-risk-esc-ers/bands.js';
export * from './pah-risk-esc-ers/four-strata.js';
