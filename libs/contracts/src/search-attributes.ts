import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Typed search attributes of the journey workflow. Never encrypted by codecs, so only pseudonymous
 * identifiers and coded values: no personal data.
 */
export const trialIdKey = defineSearchAttributeKey('TrialId', SearchAttributeType.KEYWORD);
export const siteIdKey = defineSearchAttributeKey('SiteId', SearchAttributeType.KEYWORD);
export const cohortIdKey = defineSearchAttributeKey('CohortId', SearchAttributeType.KEYWORD);
export const journeyPhaseKey = defineSearchAttributeKey('JourneyPhase', SearchAttributeType.KEYWORD);

export const journeySearchAttributeKeys = [trialIdKey, siteIdKey, cohortIdKey, journeyPhaseKey] as const;
