import { localDateOf, type ImportEntry, type JourneyPhase, type JourneySimulation } from '@trialflow/domain';
import { demoParticipantId, DemoStory, type Baselines, type DemoSpec } from './demo-story.js';

/** A synthetic participant ready to import: who they are, their entries, and where their story leaves them. */
export interface DemoJourney {
  readonly spec: DemoSpec;
  /** One line for the log and the README: what a user will find. */
  readonly story: string;
  readonly entries: readonly ImportEntry[];
  readonly phase: JourneyPhase;
}

type Teller = (spec: DemoSpec, today: string) => JourneySimulation;

const UCART = 'ucart-cd19-bcma';
const CB = 'cb-cd19-bcma';
const spec = (participantCode: string, trialId: string, cohortId: string, siteId: string, ageYears: number, sex: 'F' | 'M'): DemoSpec => ({ participantId: demoParticipantId(participantCode), participantCode, trialId, cohortId, siteId, ageYears, sex });

/** Screening, then enrolment and lymphodepletion so that the infusion falls on `infusionDay` (days from today). */
const infusedOn = (s: DemoSpec, today: string, infusionDay: number, baselines?: Baselines): DemoStory => {
  const story = new DemoStory(s, today, 14 - infusionDay).registerAndConsent().screen({ sign: true, ...(baselines ? { baselines } : {}) }).enrol();
  return story.lymphodeplete(story.day(infusionDay - 5)).infuse(story.day(infusionDay));
};

/**
 * The cast: every phase of both seed trials, at both demo sites of the UCAR-T study and the cord-blood study's
 * site, with the things a coordinator's day is made of — a dose due today, an infusion due today, CRS and ICANS
 * grades in the DLT window, a serious AE reported to the sponsor, a DLT candidate awaiting the investigator's
 * adjudication, an eligibility awaiting signature, missed visits that raised deviation candidates, and
 * journeys that ended (withdrawn, lost to follow-up, died). No story starts before its trial's consent form
 * was approved (January and May 2025), so none has reached month 24 yet.
 */
const CAST: readonly { spec: DemoSpec; story: string; tell: Teller }[] = [
  {
    spec: spec('DEMO-U01', UCART, 'SLE', 'DEMO-01', 31, 'F'),
    story: 'screening: consented, observations recorded, eligibility to evaluate',
    tell: (s, today) => {
      const story = new DemoStory(s, today, 2).registerAndConsent();
      return story.moveTo(story.day(-1), '11:00').done().satisfyCriteria();
    },
  },
  {
    spec: spec('DEMO-U02', UCART, 'MG', 'DEMO-01', 47, 'M'),
    story: 'screening: eligible, awaiting the investigator\'s e-signature',
    tell: (s, today) => new DemoStory(s, today, 5).registerAndConsent().screen({ sign: false }).done(),
  },
  {
    spec: spec('DEMO-U03', UCART, 'AIHA', 'DEMO-02', 58, 'F'),
    story: 'screen failed',
    tell: (s, today) => {
      const story = new DemoStory(s, today, 20).registerAndConsent();
      story.sim.later(24 * 60).run({ type: 'EvaluateEligibility', data: {} });
      story.sim.run({ type: 'FailScreening', data: { reason: 'Haemolysis controlled on current therapy: not refractory as the protocol requires' } });
      return story.done();
    },
  },
  {
    spec: spec('DEMO-U04', UCART, 'SSC', 'DEMO-01', 44, 'F'),
    story: 'enrolled: washout done, lot allocated, lymphodepletion to calculate',
    tell: (s, today) => new DemoStory(s, today, 10).registerAndConsent().screen({ sign: true }).enrol().done(),
  },
  {
    spec: spec('DEMO-U05', UCART, 'AAV', 'DEMO-02', 52, 'M'),
    story: 'lymphodepletion: days −5 and −4 given, day −3 due today',
    tell: (s, today) => {
      const story = new DemoStory(s, today, 16).registerAndConsent().screen({ sign: true }).enrol();
      return story.lymphodeplete(story.day(-2), -4).done();
    },
  },
  {
    spec: spec('DEMO-U06', UCART, 'IIM', 'DEMO-01', 39, 'F'),
    story: 'lymphodepletion complete: infusion due today',
    tell: (s, today) => {
      const story = new DemoStory(s, today, 19).registerAndConsent().screen({ sign: true }).enrol();
      return story.lymphodeplete(story.day(-5)).done();
    },
  },
  {
    spec: spec('DEMO-U07', UCART, 'SLE', 'DEMO-01', 28, 'F'),
    story: 'DLT window day 7: CRS grade 1 then 2, ICANS grade 0, grade 3 neutropenia; the week 1 visit is due today',
    tell: (s, today) => {
      const story = infusedOn(s, today, -7).crs(1, 1).crs(2, 2).icans(2, 10);
      story.adverseEvent(3, { id: 'ae-neutropenia', term: 'Neutrophil count decreased', grade: 3, causality: 'PROBABLE', haematological: true });
      return story.done();
    },
  },
  {
    spec: spec('DEMO-U08', UCART, 'IGG4RD', 'DEMO-02', 63, 'M'),
    story: 'DLT window day 20: serious lung infection reported to the sponsor, DLT candidate awaiting adjudication, day 14 visit missed',
    tell: (s, today) => {
      const story = infusedOn(s, today, -20).crs(1, 1);
      story.adverseEvent(8, { id: 'ae-pneumonia', term: 'Lung infection', grade: 3, serious: true });
      story.sim.later(5 * 60).run({ type: 'ReportSaeToSponsor', data: { aeId: `${s.participantCode}-ae-pneumonia`, reportedAt: story.sim.now.toISOString() } });
      story.dltCandidate('ae-pneumonia', 'Grade 3 infection in the DLT window');
      return story.visitsThrough(20, ['D14']).icans(19, 10).done();
    },
  },
  {
    spec: spec('DEMO-U09', UCART, 'SLE', 'DEMO-01', 35, 'F'),
    story: 'follow-up: DLT window closed with one candidate adjudicated not a DLT; the month 3 visit is overdue, its window closes in 2 days',
    tell: (s, today) => {
      const story = infusedOn(s, today, -95).crs(1, 1);
      story.adverseEvent(5, { id: 'ae-febrile-neutropenia', term: 'Febrile neutropenia', grade: 3, serious: true, causality: 'PROBABLE' });
      story.sim.later(3 * 60).run({ type: 'ReportSaeToSponsor', data: { aeId: `${s.participantCode}-ae-febrile-neutropenia`, reportedAt: story.sim.now.toISOString() } });
      story.dltCandidate('ae-febrile-neutropenia', 'Grade 3 febrile neutropenia on day 5', { isDlt: false, rationale: 'Resolved within 72 h on antibiotics; expected toxicity of lymphodepletion' });
      // SLEDAI-2K from the screening baseline of 8: 6 at week 4, then 4 at month 2 (the SRI-4 SLEDAI-2K reduction).
      return story.visitsThrough(95, ['M3'], { D28: { 'SLEDAI-2K': 6 }, M2: { 'SLEDAI-2K': 4 } }).done();
    },
  },
  {
    spec: spec('DEMO-U10', UCART, 'MG', 'DEMO-02', 56, 'M'),
    story: 'follow-up after month 9: MG-ADL falling from 6 at screening, a response (≥2 points) from week 4',
    tell: (s, today) =>
      infusedOn(s, today, -280)
        .crs(1, 1)
        .visitsThrough(280, [], { D14: { 'MG-ADL': 5 }, D28: { 'MG-ADL': 4 }, M2: { 'MG-ADL': 3 }, M3: { 'MG-ADL': 2 }, M6: { 'MG-ADL': 2 }, M9: { 'MG-ADL': 1 } })
        .done(),
  },
  {
    spec: spec('DEMO-U11', UCART, 'AIHA', 'DEMO-01', 49, 'F'),
    story: 'follow-up after month 18: one of the first participants (the consent form was approved in January 2025)',
    tell: (s, today) => infusedOn(s, today, -560).crs(2, 1).visitsThrough(560).done(),
  },
  {
    spec: spec('DEMO-U12', UCART, 'SSC', 'DEMO-02', 41, 'F'),
    story: 'withdrawn after month 2 (participant\'s decision)',
    tell: (s, today) => {
      const story = infusedOn(s, today, -70).visitsThrough(62);
      story.moveTo(story.day(-5));
      story.sim.run({ type: 'Withdraw', data: { reason: 'Participant decision: relocating abroad', safetyFollowUpConsented: false, withdrawnOn: story.sim.date() } });
      return story.done();
    },
  },
  {
    spec: spec('DEMO-U13', UCART, 'AAV', 'DEMO-01', 60, 'M'),
    story: 'lost to follow-up after month 3 (month 6 visit missed)',
    tell: (s, today) => {
      const story = infusedOn(s, today, -200).crs(1, 1).visitsThrough(200, ['M6'], { D28: { 'BVAS-V3': 2 }, M2: { 'BVAS-V3': 1 }, M3: { 'BVAS-V3': 0 } });
      story.moveTo(story.day(-2));
      story.sim.run({ type: 'MarkLostToFollowUp', data: { lastContactOn: story.day(-100), attempts: 3 } });
      return story.done();
    },
  },
  {
    spec: spec('DEMO-C01', CB, 'SLE_LN', 'CN-BJ-GB', 26, 'F'),
    story: 'screening: consented, observations recorded, eligibility to evaluate',
    tell: (s, today) => new DemoStory(s, today, 3).registerAndConsent().screen({ sign: false }).done(),
  },
  {
    spec: spec('DEMO-C02', CB, 'SSC', 'CN-BJ-GB', 50, 'F'),
    story: 'screen failed (mRSS below the threshold)',
    tell: (s, today) => {
      const story = new DemoStory(s, today, 12).registerAndConsent();
      story.sim.later(24 * 60).run({ type: 'RecordScreeningObservation', data: { code: 'MRSS', value: 9, unit: 'score', observedOn: story.sim.date(), source: 'local assessment' } });
      story.sim.run({ type: 'EvaluateEligibility', data: {} });
      story.sim.run({ type: 'FailScreening', data: { reason: 'mRSS below the protocol threshold' } });
      return story.done();
    },
  },
  {
    spec: spec('DEMO-C03', CB, 'PSS_PAH', 'CN-BJ-GB', 45, 'F'),
    story: 'enrolled: lymphodepletion to calculate',
    tell: (s, today) => new DemoStory(s, today, 9).registerAndConsent().screen({ sign: true }).enrol().done(),
  },
  {
    spec: spec('DEMO-C04', CB, 'SLE_LN', 'CN-BJ-GB', 33, 'F'),
    story: 'lymphodepletion: day −5 given yesterday',
    tell: (s, today) => {
      const story = new DemoStory(s, today, 14).registerAndConsent().screen({ sign: true }).enrol();
      return story.lymphodeplete(story.day(-1), -5).done();
    },
  },
  {
    spec: spec('DEMO-C05', CB, 'SSC', 'CN-BJ-GB', 38, 'M'),
    story: 'lymphodepletion complete: infusion due tomorrow',
    tell: (s, today) => {
      const story = new DemoStory(s, today, 18).registerAndConsent().screen({ sign: true }).enrol();
      return story.lymphodeplete(story.day(-4)).done();
    },
  },
  {
    spec: spec('DEMO-C06', CB, 'SLE_LN', 'CN-BJ-GB', 29, 'F'),
    story: 'DLT window day 12: CRS grade 1, ICANS grade 1',
    tell: (s, today) => infusedOn(s, today, -12).crs(1, 1).icans(4, 8).visitsThrough(12).done(),
  },
  {
    spec: spec('DEMO-C07', CB, 'PSS_PAH', 'CN-BJ-GB', 54, 'F'),
    story: 'follow-up after month 6',
    tell: (s, today) => infusedOn(s, today, -190).crs(1, 1).visitsThrough(190).done(),
  },
  {
    spec: spec('DEMO-C08', CB, 'SSC', 'CN-BJ-GB', 47, 'F'),
    story: 'follow-up after month 12, month 9 visit missed',
    tell: (s, today) => infusedOn(s, today, -380).crs(2, 1).visitsThrough(380, ['M9'], { D28: { MRSS: 15 }, M3: { MRSS: 13 }, M6: { MRSS: 11 }, M12: { MRSS: 9 } }).done(),
  },
  {
    spec: spec('DEMO-C09', CB, 'SLE_LN', 'CN-BJ-GB', 31, 'F'),
    story: 'died in follow-up after month 3 (road traffic accident, unrelated to the study treatment)',
    tell: (s, today) => {
      // The cohort's criteria do not score SLEDAI-2K, so its baseline is recorded at screening for the follow-up.
      const story = infusedOn(s, today, -140, { SLEDAI_2K: 12 }).crs(1, 1).visitsThrough(120, [], { D28: { 'SLEDAI-2K': 10 }, M2: { 'SLEDAI-2K': 6 }, M3: { 'SLEDAI-2K': 4 } });
      story.moveTo(story.day(-9));
      story.sim.run({ type: 'RecordDeath', data: { diedOn: story.day(-10), cause: 'Road traffic accident (unrelated to the study treatment)' } });
      return story.done();
    },
  },
  {
    spec: spec('DEMO-C10', CB, 'PSS_PAH', 'CN-BJ-GB', 59, 'M'),
    story: 'withdrawn after enrolment, before lymphodepletion',
    tell: (s, today) => {
      const story = new DemoStory(s, today, 15).registerAndConsent().screen({ sign: true }).enrol();
      story.moveTo(story.day(-3));
      story.sim.run({ type: 'Withdraw', data: { reason: 'Participant decision', safetyFollowUpConsented: false, withdrawnOn: story.sim.date() } });
      return story.done();
    },
  },
];

/**
 * The demo journeys as of `now` (the clock is a parameter: the same instant gives the same journeys). Every
 * story ends before `now`; what falls due from then on (today's dose, tomorrow's visit) is the live system's.
 * The site-local "today" is the day of `now` at UTC+8, the demo sites' offset.
 */
export function demoJourneys(now: Date): DemoJourney[] {
  const today = localDateOf(now.toISOString(), 480);
  return CAST.map(({ spec: s, story, tell }) => {
    const sim = tell(s, today);
    if (sim.now.getTime() > now.getTime()) throw new Error(`demo data: ${s.participantCode}'s story ends after now (${sim.now.toISOString()})`);
    return { spec: s, story, entries: [...sim.entries], phase: sim.state.phase };
  });
}
