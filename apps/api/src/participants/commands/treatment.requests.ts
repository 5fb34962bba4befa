import { acceptedUnits, type Dimension } from '@trialflow/domain';
import { z } from 'zod';
import { commandEndpoint } from './command-endpoint.js';
import { codeField, commandBody, dateField, expected, instantField, positiveNumberField, quantityField } from './command-fields.js';

const unitsOf = (dimension: Dimension) => acceptedUnits(dimension) as [string, ...string[]];

const bagIdsField = (description: string) =>
  z
    .array(codeField('Bag id as printed on the label.', 64), { error: expected('a list of bag ids') })
    .min(1, 'must list at least one bag')
    .max(20, 'must list at most 20 bags')
    .describe(description);

export const enrol = commandEndpoint({
  type: 'Enrol',
  path: 'enrolment',
  summary: 'Enrol the participant',
  description: 'Enrols a participant whose eligibility an investigator has signed, at one of the protocol’s dose levels.',
  body: commandBody('EnrolRequest', 'Enrolment at a dose level.', {
    doseLevelId: codeField('Dose level of the protocol, e.g. DL1.', 32),
  }),
  toData: (b) => ({ doseLevelId: b.doseLevelId }),
});

export const recordMedicationStop = commandEndpoint({
  type: 'RecordMedicationStop',
  path: 'medication-stops',
  summary: 'Record a medication stop (washout)',
  description: "The last dose of a drug the protocol's washout table covers; the washout is counted from it to the start of lymphodepletion.",
  body: commandBody('RecordMedicationStopRequest', 'A medication stopped for the washout.', {
    drugClass: codeField("Drug class of the protocol's washout table, e.g. ANTIMETABOLITES_CNI_MTOR_JAK."),
    drugName: codeField('The drug stopped, e.g. mycophenolate.', 100),
    lastDoseOn: dateField('Date of the last dose.'),
  }),
  toData: (b) => ({ drugClass: b.drugClass, drugName: b.drugName, lastDoseOn: b.lastDoseOn }),
});

export const recordLymphodepletionDoseCalculation = commandEndpoint({
  type: 'RecordLymphodepletionDoseCalculation',
  path: 'lymphodepletion/calculation',
  summary: 'Calculate the lymphodepletion doses',
  description: 'Raw measurements only: the journey computes BSA, renal function and the fludarabine and cyclophosphamide doses with the versioned calculators, and refuses a dose the protocol forbids.',
  body: commandBody('RecordLymphodepletionDoseCalculationRequest', 'Measurements for the lymphodepletion dose calculation.', {
    height: quantityField(unitsOf('length'), 'Body height.'),
    weight: quantityField(unitsOf('mass'), 'Body weight.'),
    serumCreatinine: quantityField(unitsOf('creatinine'), 'Serum creatinine.'),
    measuredOn: dateField('Date of the measurements.'),
  }),
  toData: (b) => ({ height: b.height, weight: b.weight, serumCreatinine: b.serumCreatinine, measuredOn: b.measuredOn }),
});

export const administerLymphodepletionDose = commandEndpoint({
  type: 'AdministerLymphodepletionDose',
  path: 'lymphodepletion/doses',
  summary: 'Record a lymphodepletion dose given',
  description: 'One planned dose of the regimen, as given; a dose outside the protocol’s tolerance of the calculated one raises a deviation candidate.',
  body: commandBody('AdministerLymphodepletionDoseRequest', 'A lymphodepletion dose as administered.', {
    drug: codeField('Drug of the regimen, e.g. fludarabine.', 64),
    day: z.number({ error: expected('a whole number') }).int('must be a whole number').min(-60, 'must be -60 or later').max(60, 'must be 60 or earlier').describe('Regimen day of the dose as the calculation planned it (relative to the infusion, e.g. -5).'),
    doseMg: positiveNumberField('Dose given, in mg.'),
    administeredAt: instantField('When the dose was given.'),
  }),
  toData: (b) => ({ drug: b.drug, day: b.day, doseMg: b.doseMg, administeredAt: b.administeredAt }),
});

export const recordPreInfusionCheck = commandEndpoint({
  type: 'RecordPreInfusionCheck',
  path: 'pre-infusion-check',
  summary: 'Record the pre-infusion check',
  description: 'Each item of the pre-infusion checklist with its outcome; the product may be thawed only after a check in which every item passed.',
  body: commandBody('RecordPreInfusionCheckRequest', 'The pre-infusion checklist.', {
    items: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'item names are letters, digits and underscores'), z.boolean({ error: expected('true or false') }), { error: expected('an object of item → true/false') })
      .refine((items) => Object.keys(items).length <= 50, 'must have at most 50 items')
      .describe('Checklist item → passed, e.g. {"afebrile": true, "noActiveInfection": true}.'),
  }),
  toData: (b) => ({ items: b.items }),
});

export const allocateProductLot = commandEndpoint({
  type: 'AllocateProductLot',
  path: 'product-lot',
  summary: 'Allocate the CAR-T product lot',
  description: 'The manufactured lot and its bags, allocated to the participant before lymphodepletion starts.',
  body: commandBody('AllocateProductLotRequest', 'The product lot allocated.', {
    lotId: codeField('Lot number.', 64),
    bagIds: bagIdsField('Bags of the lot.'),
    carPositiveCellsPerBag: positiveNumberField('CAR-positive viable cells per bag, from the certificate of analysis.').optional(),
  }),
  toData: (b) => ({ lotId: b.lotId, bagIds: b.bagIds, ...(b.carPositiveCellsPerBag === undefined ? {} : { carPositiveCellsPerBag: b.carPositiveCellsPerBag }) }),
});

export const startThaw = commandEndpoint({
  type: 'StartThaw',
  path: 'thaw',
  summary: 'Record the start of the product thaw',
  description: 'Starts the thaw-to-infusion clock; thawed product cannot be refrozen.',
  body: commandBody('StartThawRequest', 'The thaw of the allocated bags.', {
    bagIds: bagIdsField('Bags thawed (each must belong to the allocated lot).'),
    startedAt: instantField('When the thaw started.'),
  }),
  toData: (b) => ({ bagIds: b.bagIds, startedAt: b.startedAt }),
});

export const recordInfusion = commandEndpoint({
  type: 'RecordInfusion',
  path: 'infusion',
  summary: 'Record the CAR-T infusion',
  description: "The single infusion: its date is study day 0 (or 1) of every later deadline. The dose is compared with the participant's dose level.",
  body: commandBody('RecordInfusionRequest', 'The CAR-T infusion.', {
    startedAt: instantField('When the infusion started.'),
    completedAt: instantField('When the infusion ended.'),
    carPositiveCellsInfused: positiveNumberField('Number of CAR-positive viable cells infused.'),
    weightKg: positiveNumberField('Body weight used for dosing, in kg.'),
  }),
  toData: (b) => ({ startedAt: b.startedAt, completedAt: b.completedAt, carPositiveCellsInfused: b.carPositiveCellsInfused, weightKg: b.weightKg }),
});

